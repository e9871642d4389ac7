package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of labelled rows whose features are the same (or, with {@code near}, near-duplicate
 * texts) but whose labels differ: {@code groups} such groups holding {@code rows} rows in all,
 * and the largest groups in detail.
 */
public record LabelConflicts(List<String> by, boolean normalize, Double near, long groups, long rows,
                             List<ConflictGroup> largest) {

    /** At most this many feature columns are shown per group (the first of {@code by}); {@code features_shown} says how many. */
    public static final int FEATURES_SHOWN = 10;

    /**
     * One group: its number (1 for the largest), its rows, the label counts in it (largest first),
     * the majority label (the most frequent; ties by the smallest value), the feature values
     * shared by the group (for near groups, those of its first row), and a few rows as examples
     * (row ordinals from 0 in the dataset's order, with their label).
     */
    public record ConflictGroup(long group, long rows, Object majorityLabel, List<LabelClass> labels,
                                Map<String, Object> features, List<Example> examples) {
        public ConflictGroup {
            labels = List.copyOf(labels);
            features = new LinkedHashMap<>(features);
            examples = List.copyOf(examples);
        }
    }

    /** A row of a conflict group: its ordinal in the dataset, its label and (for near groups) its text. */
    public record Example(long row, Object label, String text) {
    }

    public LabelConflicts {
        by = List.copyOf(by);
        largest = List.copyOf(largest);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("by", by, "normalize", normalize, "near", near, "groups", groups, "rows", rows,
                "features_shown", Math.min(by.size(), FEATURES_SHOWN),
                "largest", largest.stream().map(LabelConflicts::json).toList());
    }

    private static Map<String, Object> json(ConflictGroup g) {
        Map<String, Object> features = new LinkedHashMap<>();
        g.features().forEach((name, v) -> features.put(name, JsonValue.of(v)));
        return JsonValue.object("group", g.group(), "rows", g.rows(), "majority_label", JsonValue.of(g.majorityLabel()),
                "labels", g.labels().stream().map(LabelClass::toJson).toList(), "features", features,
                "examples", g.examples().stream().map(e -> JsonValue.object("row", e.row(), "label", JsonValue.of(e.label()),
                        "text", e.text())).toList());
    }
}
