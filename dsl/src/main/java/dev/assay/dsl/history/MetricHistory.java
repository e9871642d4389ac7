package dev.assay.dsl.history;

import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics of every version of a label, oldest first (docs/history.md): per version its rows,
 * the outcome of its content's latest check, each column's profile statistics and the drift
 * from the version before. {@code on} are the columns asked for (empty: every column).
 */
public record MetricHistory(String label, List<String> on, List<HistoryVersion> versions) {

    public MetricHistory {
        on = List.copyOf(on);
        versions = List.copyOf(versions);
    }

    /** Every column name of any version, in the order first seen (the asked-for ones when {@code on} names some). */
    public List<String> columnNames() {
        if (!on.isEmpty()) {
            return on;
        }
        Set<String> names = new LinkedHashSet<>();
        versions.forEach(v -> v.columns().forEach(c -> names.add(c.name())));
        return new ArrayList<>(names);
    }

    public HistoryVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "history", "label", label, "on", on,
                "versions", versions.stream().map(HistoryVersion::toJson).toList());
    }
}
