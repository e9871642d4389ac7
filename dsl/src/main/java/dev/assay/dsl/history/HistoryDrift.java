package dev.assay.dsl.history;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The {@code auto} drift of a version from the one before it: the columns compared (those both
 * have, or the asked-for ones among them) and those that drifted. {@code note} says why nothing
 * could be compared (a version without rows, no column in common), else null.
 */
public record HistoryDrift(List<String> compared, List<String> drifted, String note) {

    public HistoryDrift {
        compared = List.copyOf(compared);
        drifted = List.copyOf(drifted);
    }

    static HistoryDrift notCompared(String why) {
        return new HistoryDrift(List.of(), List.of(), why);
    }

    /** Drifted over compared columns; null when none could be compared. */
    public Double driftedShare() {
        return compared.isEmpty() ? null : (double) drifted.size() / compared.size();
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("drifted_share", driftedShare(), "drifted", drifted, "compared", compared.size(),
                "note", note);
    }
}
