package dev.assay.dsl.diff;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ProfiledValue;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares two relations inside the engine: schemas, the multiset difference of rows both ways
 * (EXCEPT ALL), with keys a join that counts changed values per column, and a short summary of
 * each column on each side. Only counts and a few examples come back to Java.
 */
public final class Differ {

    static final int EXAMPLES = 5;

    private final SqlEngine engine;
    private final SqlDialect d;

    public Differ(SqlEngine engine) {
        this.engine = engine;
        this.d = engine.dialect();
    }

    public DatasetDiff diff(String a, String aTitle, String b, String bTitle, List<String> keys) {
        List<Column> from = engine.schema(a);
        List<Column> to = engine.schema(b);
        checkKeys(keys, from, aTitle, to, bTitle);
        List<Column> added = to.stream().filter(c -> find(from, c.name()).isEmpty()).toList();
        List<Column> removed = from.stream().filter(c -> find(to, c.name()).isEmpty()).toList();
        List<DatasetDiff.TypeChange> retyped = new ArrayList<>();
        List<String> common = new ArrayList<>();
        for (Column c : from) {
            find(to, c.name()).ifPresent(other -> {
                common.add(c.name());
                if (!other.type().equals(c.type())) {
                    retyped.add(new DatasetDiff.TypeChange(c.name(), c.type(), other.type()));
                }
            });
        }
        List<String> comparable = common.stream().map(n -> comparable(d.quoteIdentifier(n), n, retyped)
                + " AS " + d.quoteIdentifier(n)).toList();
        long onlyInFrom = 0;
        long onlyInTo = 0;
        List<List<Object>> fromExamples = List.of();
        List<List<Object>> toExamples = List.of();
        if (!common.isEmpty()) {
            String exceptFrom = except(a, b, comparable);
            String exceptTo = except(b, a, comparable);
            onlyInFrom = count(exceptFrom);
            onlyInTo = count(exceptTo);
            // Sorted so that the examples are the same on every run; a top-N sort, not a full one.
            fromExamples = onlyInFrom == 0 ? List.of() : engine.smallResult(exceptFrom + " ORDER BY ALL LIMIT " + EXAMPLES);
            toExamples = onlyInTo == 0 ? List.of() : engine.smallResult(exceptTo + " ORDER BY ALL LIMIT " + EXAMPLES);
        }
        DatasetDiff.Keyed keyed = keys.isEmpty() ? null : keyed(a, aTitle, b, bTitle, keys, common, retyped);
        Summaries fromSummaries = summaries(a, from);
        Summaries toSummaries = summaries(b, to);
        List<DatasetDiff.ColumnMove> moves = new ArrayList<>();
        from.forEach(c -> moves.add(new DatasetDiff.ColumnMove(c.name(), fromSummaries.columns().get(c.name()),
                toSummaries.columns().get(c.name()))));
        added.forEach(c -> moves.add(new DatasetDiff.ColumnMove(c.name(), null, toSummaries.columns().get(c.name()))));
        return new DatasetDiff(aTitle, bTitle, keys, added, removed, retyped, fromSummaries.rows(), toSummaries.rows(), common,
                onlyInFrom, onlyInTo, fromExamples, toExamples, keyed, moves);
    }

    private void checkKeys(List<String> keys, List<Column> from, String aTitle, List<Column> to, String bTitle) {
        for (String key : keys) {
            for (var side : List.of(Map.entry(aTitle, from), Map.entry(bTitle, to))) {
                if (find(side.getValue(), key).isEmpty()) {
                    throw new IllegalArgumentException(Suggestions.noColumn(key, side.getKey(),
                            side.getValue().stream().map(Column::name).toList()));
                }
            }
        }
        if (keys.stream().distinct().count() != keys.size()) {
            throw new IllegalArgumentException("a key column is named twice: " + String.join(", ", keys));
        }
    }

    /**
     * A column's values in a form both sides share: as they are when the type is unchanged;
     * a column that changed type compares by value when both types are numbers (integers
     * exactly, others as doubles: 1.0 then is 1), else by its text.
     */
    private String comparable(String expr, String column, List<DatasetDiff.TypeChange> retyped) {
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

    private String except(String left, String right, List<String> columns) {
        String select = String.join(", ", columns);
        return "SELECT " + select + " FROM " + d.quoteIdentifier(left) + " EXCEPT ALL SELECT " + select + " FROM "
                + d.quoteIdentifier(right);
    }

    private long count(String query) {
        return ((Number) engine.smallResult("SELECT count(*) FROM (" + query + ")").get(0).get(0)).longValue();
    }

    /** Rows paired by key; every key must name one row on each side, or pairs would multiply. */
    private DatasetDiff.Keyed keyed(String a, String aTitle, String b, String bTitle, List<String> keys, List<String> common,
                                   List<DatasetDiff.TypeChange> retyped) {
        requireUnique(a, aTitle, keys);
        requireUnique(b, bTitle, keys);
        String join = d.quoteIdentifier(a) + " AS f JOIN " + d.quoteIdentifier(b) + " AS t ON "
                + keys.stream().map(k -> "f." + d.quoteIdentifier(k) + " IS NOT DISTINCT FROM t." + d.quoteIdentifier(k))
                .collect(Collectors.joining(" AND "));
        List<String> values = common.stream().filter(c -> !keys.contains(c)).toList();
        List<String> differs = new ArrayList<>();
        for (String c : values) {
            differs.add(comparable("f." + d.quoteIdentifier(c), c, retyped) + " IS DISTINCT FROM "
                    + comparable("t." + d.quoteIdentifier(c), c, retyped));
        }
        String anyDiffers = differs.isEmpty() ? "false" : "(" + String.join(" OR ", differs) + ")";
        // count_if of no rows is NULL, not 0 (two empty sides): coalesced so that every total is a number.
        StringBuilder totals = new StringBuilder("SELECT count(*), coalesce(count_if(" + anyDiffers + "), 0)");
        differs.forEach(x -> totals.append(", coalesce(count_if(").append(x).append("), 0)"));
        List<Object> row = engine.smallResult(totals + " FROM " + join).get(0);
        Map<String, Long> perColumn = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            perColumn.put(values.get(i), ((Number) row.get(2 + i)).longValue());
        }
        long matched = ((Number) row.get(0)).longValue();
        long changed = ((Number) row.get(1)).longValue();
        List<DatasetDiff.Change> examples = changed == 0 ? List.of() : examples(join, keys, values, differs, anyDiffers);
        String keyList = keys.stream().map(d::quoteIdentifier).collect(Collectors.joining(", "));
        String onlyTo = "SELECT " + keyList + " FROM " + d.quoteIdentifier(b) + " EXCEPT SELECT " + keyList + " FROM " + d.quoteIdentifier(a);
        String onlyFrom = "SELECT " + keyList + " FROM " + d.quoteIdentifier(a) + " EXCEPT SELECT " + keyList + " FROM " + d.quoteIdentifier(b);
        long added = count(onlyTo);
        long removed = count(onlyFrom);
        return new DatasetDiff.Keyed(matched, changed, added, removed, perColumn, examples,
                added == 0 ? List.of() : engine.smallResult(onlyTo + " ORDER BY " + keyList + " LIMIT " + EXAMPLES),
                removed == 0 ? List.of() : engine.smallResult(onlyFrom + " ORDER BY " + keyList + " LIMIT " + EXAMPLES));
    }

    private void requireUnique(String relation, String title, List<String> keys) {
        String keyList = keys.stream().map(d::quoteIdentifier).collect(Collectors.joining(", "));
        List<List<Object>> repeated = engine.smallResult("SELECT " + keyList + ", count(*) FROM " + d.quoteIdentifier(relation)
                + " GROUP BY ALL HAVING count(*) > 1 ORDER BY count(*) DESC, " + keyList + " LIMIT 1");
        if (!repeated.isEmpty()) {
            List<Object> r = repeated.get(0);
            throw new IllegalArgumentException(String.join(", ", keys) + " is not a key of " + title + ": "
                    + r.subList(0, keys.size()) + " occurs in " + r.get(keys.size()) + " rows; diff on columns whose values "
                    + "name one row each, or without 'on' to compare whole rows");
        }
    }

    /** The first changed rows in key order, one entry per changed value. */
    private List<DatasetDiff.Change> examples(String join, List<String> keys, List<String> values, List<String> differs,
                                              String anyDiffers) {
        StringBuilder select = new StringBuilder("SELECT ");
        select.append(keys.stream().map(k -> "f." + d.quoteIdentifier(k)).collect(Collectors.joining(", ")));
        for (int i = 0; i < values.size(); i++) {
            select.append(", ").append(differs.get(i)).append(", f.").append(d.quoteIdentifier(values.get(i)))
                    .append(", t.").append(d.quoteIdentifier(values.get(i)));
        }
        select.append(" FROM ").append(join).append(" WHERE ").append(anyDiffers).append(" ORDER BY ")
                .append(keys.stream().map(k -> "f." + d.quoteIdentifier(k)).collect(Collectors.joining(", ")))
                .append(" LIMIT ").append(EXAMPLES);
        List<DatasetDiff.Change> changes = new ArrayList<>();
        for (List<Object> row : engine.smallResult(select.toString())) {
            List<Object> key = new ArrayList<>(row.subList(0, keys.size()));
            for (int i = 0; i < values.size(); i++) {
                int at = keys.size() + 3 * i;
                if (Boolean.TRUE.equals(row.get(at))) {
                    changes.add(new DatasetDiff.Change(key, values.get(i), row.get(at + 1), row.get(at + 2)));
                }
            }
        }
        return changes;
    }

    /** A relation's row count and the summary of each of its columns. */
    private record Summaries(long rows, Map<String, DatasetDiff.Summary> columns) {
    }

    /**
     * The row count, and count, missing, distinct and mean of every column, read as a profile
     * reads them (NaN is missing), in one {@link AggregateScan}.
     */
    private Summaries summaries(String relation, List<Column> schema) {
        AggregateScan scan = new AggregateScan(engine, relation, ProfiledValue.INSTANCE);
        Handle<Long> rowCount = scan.rows();
        List<Handle<Long>> counts = new ArrayList<>();
        List<Handle<Long>> distinct = new ArrayList<>();
        List<Handle<Double>> means = new ArrayList<>();
        for (Column c : schema) {
            counts.add(scan.add(c, Aggregates.count()));
            distinct.add(scan.add(c, Aggregates.distinct()));
            means.add(ColumnKind.of(c.type()) == ColumnKind.NUMERIC
                    ? scan.add(c, Aggregates.mean(ColumnKind.isExactNumber(c.type()))) : null);
        }
        scan.run();
        long rows = rowCount.get();
        Map<String, DatasetDiff.Summary> out = new LinkedHashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            long count = counts.get(i).get();
            out.put(schema.get(i).name(), new DatasetDiff.Summary(count, rows - count, distinct.get(i).get(),
                    means.get(i) == null ? null : means.get(i).get()));
        }
        return new Summaries(rows, out);
    }

    private static Optional<Column> find(List<Column> schema, String name) {
        return schema.stream().filter(c -> c.name().equals(name)).findFirst();
    }
}
