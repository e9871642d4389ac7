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
        DatasetDiff.Keyed keyed = keys.isEmpty() ? null : new KeyedRows(engine).compare(a, aTitle, b, bTitle, keys, common, retyped);
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

    private String comparable(String expr, String column, List<DatasetDiff.TypeChange> retyped) {
        return KeyedRows.comparable(d, expr, column, retyped);
    }

    private String except(String left, String right, List<String> columns) {
        String select = String.join(", ", columns);
        return "SELECT " + select + " FROM " + d.quoteIdentifier(left) + " EXCEPT ALL SELECT " + select + " FROM "
                + d.quoteIdentifier(right);
    }

    private long count(String query) {
        return ((Number) engine.smallResult("SELECT count(*) FROM (" + query + ")").get(0).get(0)).longValue();
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
