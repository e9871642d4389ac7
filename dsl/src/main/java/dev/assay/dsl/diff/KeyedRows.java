package dev.assay.dsl.diff;

import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.ColumnKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The keyed part of a diff: rows of both sides paired by key, how many changed, the changes
 * per column and the first changed rows, in work linear in the number of columns.
 */
final class KeyedRows {

    private final SqlEngine engine;
    private final SqlDialect d;

    KeyedRows(SqlEngine engine) {
        this.engine = engine;
        this.d = engine.dialect();
    }

    /**
     * Rows paired by key; every key must name one row on each side, or pairs would multiply.
     * The changed rows are counted in one scan (a flat "any column differs"); the changes per
     * column in batches of columns, each one scan of the join, so that the work stays linear
     * in the number of columns.
     */
    DatasetDiff.Keyed compare(String a, String aTitle, String b, String bTitle, List<String> keys, List<String> common,
                              List<DatasetDiff.TypeChange> retyped) {
        requireUnique(a, aTitle, keys);
        requireUnique(b, bTitle, keys);
        String join = d.quoteIdentifier(a) + " AS f JOIN " + d.quoteIdentifier(b) + " AS t ON " + sameKeys("f", "t", keys);
        List<String> values = common.stream().filter(c -> !keys.contains(c)).toList();
        List<String> differs = values.stream().map(c -> differs(c, retyped)).toList();
        String anyDiffers = d.anyTrue(differs);
        // count_if of no rows is NULL, not 0 (two empty sides): coalesced so that every total is a number.
        List<Object> totals = engine.smallResult("SELECT count(*) AS matched, coalesce(count_if(" + anyDiffers
                + "), 0) AS changed FROM " + join).get(0);
        long matched = ((Number) totals.get(0)).longValue();
        long changed = ((Number) totals.get(1)).longValue();
        Map<String, Long> perColumn = new LinkedHashMap<>();
        for (List<String> batch : ColumnBatches.of(values)) {
            StringBuilder counts = new StringBuilder("SELECT 0 AS none");
            for (int i = 0; i < batch.size(); i++) {
                counts.append(", coalesce(count_if(").append(differs(batch.get(i), retyped)).append("), 0) AS c").append(i);
            }
            List<Object> row = engine.smallResult(counts + " FROM " + join).get(0);
            for (int i = 0; i < batch.size(); i++) {
                perColumn.put(batch.get(i), ((Number) row.get(1 + i)).longValue());
            }
        }
        List<DatasetDiff.Change> examples = changed == 0 ? List.of() : examples(a, b, join, keys, values, retyped, anyDiffers);
        String keyList = keys.stream().map(d::quoteIdentifier).collect(Collectors.joining(", "));
        String onlyTo = "SELECT " + keyList + " FROM " + d.quoteIdentifier(b) + " EXCEPT SELECT " + keyList + " FROM " + d.quoteIdentifier(a);
        String onlyFrom = "SELECT " + keyList + " FROM " + d.quoteIdentifier(a) + " EXCEPT SELECT " + keyList + " FROM " + d.quoteIdentifier(b);
        long added = count(onlyTo);
        long removed = count(onlyFrom);
        return new DatasetDiff.Keyed(matched, changed, added, removed, perColumn, examples,
                added == 0 ? List.of() : engine.smallResult(onlyTo + " ORDER BY " + keyList + " LIMIT " + Differ.EXAMPLES),
                removed == 0 ? List.of() : engine.smallResult(onlyFrom + " ORDER BY " + keyList + " LIMIT " + Differ.EXAMPLES));
    }

    /** True when column {@code c} differs between the paired rows f and t. */
    private String differs(String c, List<DatasetDiff.TypeChange> retyped) {
        return comparable(d, "f." + d.quoteIdentifier(c), c, retyped) + " IS DISTINCT FROM "
                + comparable(d, "t." + d.quoteIdentifier(c), c, retyped);
    }

    private String sameKeys(String left, String right, List<String> keys) {
        return keys.stream().map(k -> left + "." + d.quoteIdentifier(k) + " IS NOT DISTINCT FROM " + right + "."
                + d.quoteIdentifier(k)).collect(Collectors.joining(" AND "));
    }

    private void requireUnique(String relation, String title, List<String> keys) {
        String keyList = keys.stream().map(d::quoteIdentifier).collect(Collectors.joining(", "));
        List<List<Object>> repeated = engine.smallResult("SELECT " + keyList + ", count(*) FROM " + d.quoteIdentifier(relation)
                + " GROUP BY " + keyList + " HAVING count(*) > 1 ORDER BY count(*) DESC, " + keyList + " LIMIT 1");
        if (!repeated.isEmpty()) {
            List<Object> r = repeated.get(0);
            throw new IllegalArgumentException(String.join(", ", keys) + " is not a key of " + title + ": "
                    + r.subList(0, keys.size()) + " occurs in " + r.get(keys.size()) + " rows; diff on columns whose values "
                    + "name one row each, or without 'on' to compare whole rows");
        }
    }

    /**
     * The first changed rows in key order, one entry per changed value. Their keys are found
     * first (a small scratch table); their values then come in batches of columns, each a
     * join of those few keys with both sides.
     */
    private List<DatasetDiff.Change> examples(String a, String b, String join, List<String> keys, List<String> values,
                                              List<DatasetDiff.TypeChange> retyped, String anyDiffers) {
        String fKeys = keys.stream().map(k -> "f." + d.quoteIdentifier(k)).collect(Collectors.joining(", "));
        String keyList = keys.stream().map(d::quoteIdentifier).collect(Collectors.joining(", "));
        try (WorkTable first = WorkTable.of(engine, "diff_examples", "SELECT row_number() OVER (ORDER BY " + keyList
                + ") AS __assay_example, * FROM (SELECT " + fKeys + " FROM " + join + " WHERE " + anyDiffers + " ORDER BY "
                + fKeys + " LIMIT " + Differ.EXAMPLES + ")")) {
            List<List<Object>> exampleKeys = new ArrayList<>();
            List<Map<String, Object[]>> changedValues = new ArrayList<>();
            String pairs = first.quoted() + " AS e JOIN " + d.quoteIdentifier(a) + " AS f ON " + sameKeys("e", "f", keys)
                    + " JOIN " + d.quoteIdentifier(b) + " AS t ON " + sameKeys("e", "t", keys);
            for (List<String> batch : ColumnBatches.of(values)) {
                StringBuilder select = new StringBuilder("SELECT ").append(fKeys);
                for (int i = 0; i < batch.size(); i++) {
                    String c = d.quoteIdentifier(batch.get(i));
                    select.append(", ").append(differs(batch.get(i), retyped)).append(" AS d").append(i)
                            .append(", f.").append(c).append(" AS f").append(i).append(", t.").append(c).append(" AS t").append(i);
                }
                List<List<Object>> rows = engine.smallResult(select + " FROM " + pairs + " ORDER BY e.__assay_example");
                for (int r = 0; r < rows.size(); r++) {
                    List<Object> row = rows.get(r);
                    if (exampleKeys.size() <= r) {
                        exampleKeys.add(new ArrayList<>(row.subList(0, keys.size())));
                        changedValues.add(new LinkedHashMap<>());
                    }
                    for (int i = 0; i < batch.size(); i++) {
                        int at = keys.size() + 3 * i;
                        if (Boolean.TRUE.equals(row.get(at))) {
                            changedValues.get(r).put(batch.get(i), new Object[] {row.get(at + 1), row.get(at + 2)});
                        }
                    }
                }
            }
            List<DatasetDiff.Change> changes = new ArrayList<>();
            for (int r = 0; r < exampleKeys.size(); r++) {
                for (Map.Entry<String, Object[]> e : changedValues.get(r).entrySet()) {
                    changes.add(new DatasetDiff.Change(exampleKeys.get(r), e.getKey(), e.getValue()[0], e.getValue()[1]));
                }
            }
            return changes;
        }
    }

    private long count(String query) {
        return ((Number) engine.smallResult("SELECT count(*) AS n FROM (" + query + ")").get(0).get(0)).longValue();
    }

    /**
     * A column's values in a form both sides share: as they are when the type is unchanged;
     * a column that changed type compares by value when both types are numbers (integers
     * exactly, others as doubles: 1.0 then is 1), else by its text.
     */
    static String comparable(SqlDialect d, String expr, String column, List<DatasetDiff.TypeChange> retyped) {
        Optional<DatasetDiff.TypeChange> change = retyped.stream().filter(t -> t.name().equals(column)).findFirst();
        if (change.isEmpty()) {
            return expr;
        }
        String from = change.get().from();
        String to = change.get().to();
        if (ColumnKind.isInteger(from) && ColumnKind.isInteger(to)) {
            return d.castWideInteger(expr);
        }
        if (ColumnKind.of(from) == ColumnKind.NUMERIC && ColumnKind.of(to) == ColumnKind.NUMERIC) {
            return d.castDouble(expr);
        }
        return d.castText(expr);
    }
}
