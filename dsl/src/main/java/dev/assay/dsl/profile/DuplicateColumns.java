package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the pairs of columns whose values are equal on every row (NULL equal to NULL, NaN
 * missing as in the profile), of the same type. Linear in columns: columns are grouped by what
 * the profile's first scan knows of them (type, counts, extremes, top values and a
 * {@link #fingerprint()}), which equal columns share; only columns of one group are compared,
 * each with the group's first column, in statements of many comparisons over the rows. Those
 * found different are compared again among themselves, round after round, until every column
 * belongs to a class of equal columns.
 */
final class DuplicateColumns {

    private final SqlEngine engine;

    DuplicateColumns(SqlEngine engine) {
        this.engine = engine;
    }

    /**
     * A cheap fingerprint of a column's multiset of values, from the scan's grouping by value:
     * the total length of the values' text. Equal columns have equal fingerprints.
     */
    static Aggregate<Long> fingerprint() {
        return Aggregates.of("duplicate_columns:length", Aggregate.Over.VALUES,
                (d, v) -> "sum(" + Aggregate.COUNT + " * " + d.charLength(d.castText(v)) + ")", Aggregates::asLong);
    }

    /** The pairs of equal columns among {@code statistics}, each pair in the columns' order, pairs in that order too. */
    List<ColumnPair> find(String relation, List<ColumnStatistics> statistics) {
        Map<List<Object>, List<Integer>> candidates = new LinkedHashMap<>();
        for (int i = 0; i < statistics.size(); i++) {
            candidates.computeIfAbsent(signature(statistics.get(i)), s -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> open = candidates.values().stream().filter(g -> g.size() > 1).toList();
        List<List<Integer>> classes = new ArrayList<>();
        while (!open.isEmpty()) {
            open = round(relation, statistics, open, classes);
        }
        List<ColumnPair> pairs = new ArrayList<>();
        List<int[]> indexes = new ArrayList<>();
        for (List<Integer> equal : classes) {
            for (int x = 0; x < equal.size(); x++) {
                for (int y = x + 1; y < equal.size(); y++) {
                    indexes.add(new int[] {equal.get(x), equal.get(y)});
                }
            }
        }
        indexes.sort((p, q) -> p[0] != q[0] ? Integer.compare(p[0], q[0]) : Integer.compare(p[1], q[1]));
        indexes.forEach(p -> pairs.add(new ColumnPair(statistics.get(p[0]).column.name(), statistics.get(p[1]).column.name())));
        return pairs;
    }

    /**
     * Compares every column of each open group with the group's first: the first and those equal
     * to it form a class (kept when two or more), the others a group for the next round.
     */
    private List<List<Integer>> round(String relation, List<ColumnStatistics> statistics, List<List<Integer>> open,
                                      List<List<Integer>> classes) {
        SqlDialect d = engine.dialect();
        List<String> comparisons = new ArrayList<>();
        for (List<Integer> group : open) {
            String first = value(d, statistics.get(group.get(0)).column);
            for (int other : group.subList(1, group.size())) {
                comparisons.add("count(*) FILTER (WHERE " + first + " IS DISTINCT FROM " + value(d, statistics.get(other).column)
                        + ")");
            }
        }
        List<Long> differing = new ArrayList<>();
        List<List<String>> batches = ColumnBatches.of(comparisons);
        List<String> queries = new ArrayList<>();
        for (List<String> batch : batches) {
            List<String> named = new ArrayList<>();
            for (int k = 0; k < batch.size(); k++) {
                named.add(batch.get(k) + " AS d" + k);
            }
            queries.add("SELECT " + String.join(", ", named) + " FROM " + d.quoteIdentifier(relation));
        }
        for (List<List<Object>> result : engine.smallResults(queries)) {
            result.get(0).forEach(v -> differing.add(Aggregates.asLong(v)));
        }
        List<List<Integer>> next = new ArrayList<>();
        int k = 0;
        for (List<Integer> group : open) {
            List<Integer> equal = new ArrayList<>(List.of(group.get(0)));
            List<Integer> rest = new ArrayList<>();
            for (int other : group.subList(1, group.size())) {
                (differing.get(k++) == 0 ? equal : rest).add(other);
            }
            if (equal.size() > 1) {
                classes.add(equal);
            }
            if (rest.size() > 1) {
                next.add(rest);
            }
        }
        return next;
    }

    private static String value(SqlDialect d, Column column) {
        return ProfiledValue.INSTANCE.sql(d, column, d.quoteIdentifier(column.name()));
    }

    /** What equal columns share: type, counts, extremes, top values with their counts, fingerprint. */
    private static List<Object> signature(ColumnStatistics s) {
        List<Object> signature = new ArrayList<>();
        signature.add(s.column.type());
        signature.add(s.count());
        signature.add(s.distinct());
        signature.add(comparable(s.smallest()));
        signature.add(comparable(s.largest()));
        for (ValueCount v : s.ranked()) {
            signature.add(comparable(v.value()));
            signature.add(v.count());
        }
        signature.add(s.fingerprint());
        return signature;
    }

    /** Numbers by value whatever their Java class, the rest by their text. */
    private static Object comparable(Object value) {
        if ((value instanceof Double || value instanceof Float) && !Double.isFinite(((Number) value).doubleValue())) {
            return value.toString(); // no BigDecimal for an infinity
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros();
        }
        return value == null ? null : value.toString();
    }
}
