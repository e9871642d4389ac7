package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Pairs computed in one statement, and the SQL they share: the columns the pairs read, once
 * each, renamed c0, c1 ... (user names appear only there, quoted), and the pairs' complete rows
 * as (p, x, y), p the pair's place in the batch, for the methods that group or rank them.
 */
final class PairBatch {

    private final List<Pair> pairs;
    private final Map<Integer, String> names = new LinkedHashMap<>();

    PairBatch(List<Pair> pairs) {
        this.pairs = List.copyOf(pairs);
        for (Pair pair : pairs) {
            names.computeIfAbsent(pair.a(), k -> "c" + names.size());
            names.computeIfAbsent(pair.b(), k -> "c" + names.size());
        }
    }

    List<Pair> pairs() {
        return pairs;
    }

    /** The name of column {@code column} (a place in the matrix) in {@link #source}. */
    String name(int column) {
        return names.get(column);
    }

    /** A table expression of the columns the batch reads, each in its form. */
    String source(SqlDialect d, String relation, ChosenColumns chosen) {
        List<String> read = new ArrayList<>();
        names.forEach((column, name) -> read.add(chosen.forms().get(column).sql(d, chosen.columns().get(column)) + " AS " + name));
        return "(SELECT " + String.join(", ", read) + " FROM " + d.quoteIdentifier(relation) + ") AS t";
    }

    /**
     * The complete rows of every pair as (p, x, y): x the value of the pair's column a (of b
     * where {@code aFirst} is false), y the other's; rows where either is missing are left out.
     */
    String completeRows(SqlDialect d, String relation, ChosenColumns chosen, Predicate<Pair> aFirst) {
        List<String> p = new ArrayList<>();
        List<String> x = new ArrayList<>();
        List<String> y = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            Pair pair = pairs.get(i);
            p.add(Integer.toString(i));
            boolean first = aFirst.test(pair);
            x.add(name(first ? pair.a() : pair.b()));
            y.add(name(first ? pair.b() : pair.a()));
        }
        return "SELECT p, x, y FROM (SELECT " + d.unnestColumns(List.of("p", "x", "y"), List.of(p, x, y)) + " FROM "
                + source(d, relation, chosen) + ") AS u WHERE x IS NOT NULL AND y IS NOT NULL";
    }

    /**
     * The pairs in batches: pairs of the same blocks of columns go together (tiles of the
     * matrix), so that a batch reads few columns; at most {@code size} pairs a batch.
     */
    static List<PairBatch> of(List<Pair> pairs, int size) {
        int block = Math.max(1, (int) Math.sqrt(size));
        Map<Long, List<Pair>> tiles = new LinkedHashMap<>();
        for (Pair pair : pairs) {
            tiles.computeIfAbsent(((long) (pair.a() / block) << 32) | (pair.b() / block), k -> new ArrayList<>()).add(pair);
        }
        List<PairBatch> batches = new ArrayList<>();
        for (List<Pair> tile : tiles.values()) {
            for (int from = 0; from < tile.size(); from += size) {
                batches.add(new PairBatch(tile.subList(from, Math.min(tile.size(), from + size))));
            }
        }
        return batches;
    }
}
