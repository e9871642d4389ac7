package dev.assay.dsl.baseline;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a schema differs from the baseline's: columns added, removed, retyped, and whether the
 * columns both have come in another order. Unchanged means none of these.
 */
public record SchemaChange(List<String> added, List<String> removed, List<Retyped> retyped, boolean reordered) {

    /** A column both have, with another type now. */
    public record Retyped(String column, String was, String is) {
    }

    public SchemaChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retyped = List.copyOf(retyped);
    }

    /** What changed from {@code baseline} to {@code current} (column names compared exactly). */
    public static SchemaChange between(List<Column> baseline, List<Column> current) {
        Map<String, String> before = new HashMap<>();
        baseline.forEach(c -> before.put(c.name(), c.type()));
        Map<String, String> now = new HashMap<>();
        current.forEach(c -> now.put(c.name(), c.type()));
        List<String> added = current.stream().map(Column::name).filter(n -> !before.containsKey(n)).toList();
        List<String> removed = baseline.stream().map(Column::name).filter(n -> !now.containsKey(n)).toList();
        List<Retyped> retyped = new ArrayList<>();
        for (Column c : current) {
            String was = before.get(c.name());
            if (was != null && !was.equals(c.type())) {
                retyped.add(new Retyped(c.name(), was, c.type()));
            }
        }
        List<String> keptBefore = baseline.stream().map(Column::name).filter(now::containsKey).toList();
        List<String> keptNow = current.stream().map(Column::name).filter(before::containsKey).toList();
        return new SchemaChange(added, removed, retyped, !keptBefore.equals(keptNow));
    }

    /** Columns added, removed or retyped, plus one when the order changed. */
    public int count() {
        return added.size() + removed.size() + retyped.size() + (reordered ? 1 : 0);
    }

    public boolean unchanged() {
        return count() == 0;
    }

    /** One line: {@code added c; removed b; a: BIGINT -> VARCHAR; columns reordered}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        retyped.forEach(r -> parts.add(r.column() + ": " + r.was() + " -> " + r.is()));
        if (reordered) {
            parts.add("columns reordered");
        }
        return parts.isEmpty() ? "unchanged" : String.join("; ", parts);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("added", added, "removed", removed,
                "retyped", retyped.stream().map(r -> (Object) JsonValue.object("column", r.column(), "was", r.was(),
                        "is", r.is())).toList(),
                "reordered", reordered);
    }
}
