package dev.assay.dsl.labels;

import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The label of this dataset against another's ({@code vs OTHER}): each label value's count and
 * share on both sides (a side without it has 0), the values present on one side only, and the
 * drift of the label column by the drift operation's {@code auto} method (this dataset the
 * reference).
 */
public record LabelComparison(String other, LabelClasses otherClasses, List<SideBySide> classes, List<Object> onlyHere,
                              List<Object> onlyThere, ColumnDrift drift) {

    /** One label value on both sides. */
    public record SideBySide(Object value, long count, double share, long otherCount, double otherShare) {
    }

    public LabelComparison {
        classes = List.copyOf(classes);
        onlyHere = List.copyOf(onlyHere);
        onlyThere = List.copyOf(onlyThere);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("dataset", other, "rows", otherClasses.rows(), "missing_labels", otherClasses.missingLabels(),
                "classes", classes.stream().map(c -> JsonValue.object("value", JsonValue.of(c.value()), "count", c.count(),
                        "share", c.share(), "other_count", c.otherCount(), "other_share", c.otherShare())).toList(),
                "only_here", onlyHere.stream().map(JsonValue::of).toList(),
                "only_there", onlyThere.stream().map(JsonValue::of).toList(),
                "drift", drift == null ? null : drift.toJson());
    }
}
