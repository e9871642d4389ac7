package dev.assay.dsl.diff;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How dataset {@code to} differs from {@code from}. Rows are compared as multisets over the
 * columns both have ({@code compared}; a column whose type changed is compared by value when
 * both types are numbers, else as text), so a
 * row twice in one and once in the other counts once in {@code onlyInFrom}. With key columns,
 * {@code keyed} pairs rows by key and says which columns changed.
 */
public record DatasetDiff(String from, String to, List<String> on, List<Column> added, List<Column> removed,
                          List<TypeChange> retyped, long fromRows, long toRows, List<String> compared,
                          long onlyInFrom, long onlyInTo, List<List<Object>> onlyInFromExamples,
                          List<List<Object>> onlyInToExamples, Keyed keyed, List<ColumnMove> columns) {

    public DatasetDiff {
        on = List.copyOf(on);
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        retyped = List.copyOf(retyped);
        compared = List.copyOf(compared);
        onlyInFromExamples = List.copyOf(onlyInFromExamples);
        onlyInToExamples = List.copyOf(onlyInToExamples);
        columns = List.copyOf(columns);
    }

    public record TypeChange(String name, String from, String to) {
    }

    /**
     * Rows paired by key: {@code matched} keys in both, {@code changed} of them with another
     * value in some column, keys only in {@code to} ({@code added}) or only in {@code from}.
     */
    public record Keyed(long matched, long changed, long added, long removed, Map<String, Long> changesPerColumn,
                        List<Change> examples, List<List<Object>> addedKeys, List<List<Object>> removedKeys) {
        public Keyed {
            changesPerColumn = Collections.unmodifiableMap(new LinkedHashMap<>(changesPerColumn));
            examples = List.copyOf(examples);
            addedKeys = List.copyOf(addedKeys);
            removedKeys = List.copyOf(removedKeys);
        }
    }

    /** One changed value of a matched row: its key, the column, the value before and after. */
    public record Change(List<Object> key, String column, Object from, Object to) {
    }

    /** A column's summary on each side (null on a side without the column). */
    public record ColumnMove(String name, Summary from, Summary to) {
    }

    /** Non-missing values, missing ones (NULL, and NaN for floats), distinct non-missing values, and the mean of numbers. */
    public record Summary(long count, long missing, long distinct, Double mean) {
        Map<String, Object> toJson() {
            return JsonValue.object("count", count, "missing", missing, "distinct", distinct, "mean", JsonValue.of(mean));
        }
    }

    /** True when the two have the same schema and the same multiset of rows. */
    public boolean identical() {
        return added.isEmpty() && removed.isEmpty() && retyped.isEmpty() && onlyInFrom == 0 && onlyInTo == 0;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> schema = JsonValue.object(
                "added", added.stream().map(c -> (Object) JsonValue.object("name", c.name(), "type", c.type())).toList(),
                "removed", removed.stream().map(c -> (Object) JsonValue.object("name", c.name(), "type", c.type())).toList(),
                "changed", retyped.stream().map(t -> (Object) JsonValue.object("name", t.name(), "from", t.from(), "to", t.to())).toList());
        Map<String, Object> rows = JsonValue.object("from", fromRows, "to", toRows, "compared_columns", compared,
                "only_in_from", onlyInFrom, "only_in_to", onlyInTo, "only_in_from_examples", values(onlyInFromExamples),
                "only_in_to_examples", values(onlyInToExamples));
        Object keyedJson = null;
        if (keyed != null) {
            List<Object> examples = new ArrayList<>();
            keyed.examples().forEach(c -> examples.add(JsonValue.object("key", JsonValue.of(c.key()), "column", c.column(),
                    "from", JsonValue.of(c.from()), "to", JsonValue.of(c.to()))));
            keyedJson = JsonValue.object("matched", keyed.matched(), "changed", keyed.changed(), "added", keyed.added(),
                    "removed", keyed.removed(), "changes_per_column", keyed.changesPerColumn(), "examples", examples,
                    "added_keys", values(keyed.addedKeys()), "removed_keys", values(keyed.removedKeys()));
        }
        List<Object> moves = new ArrayList<>();
        for (ColumnMove m : columns) {
            moves.add(JsonValue.object("name", m.name(), "from", m.from() == null ? null : m.from().toJson(),
                    "to", m.to() == null ? null : m.to().toJson()));
        }
        return JsonValue.object("kind", "diff", "from", from, "to", to, "on", on, "identical", identical(),
                "schema", schema, "rows", rows, "keyed", keyedJson, "columns", moves);
    }

    private static List<Object> values(List<List<Object>> rows) {
        return rows.stream().map(r -> (Object) JsonValue.of(r)).toList();
    }
}
