package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Computes the values of the pairs of one method in the engine, a statement (or a few) per
 * batch of pairs, so that the work grows with the number of pairs and no statement with the
 * square of the columns.
 */
abstract class PairValues {

    /**
     * Rows times pairs a batch holds at most where a method makes one row per complete row of a
     * pair (spearman, cramer, eta): as labels' contingency batches, a few million rows.
     */
    static final long ROWS_PER_BATCH = 4_000_000;
    /** Pairs per statement at most: as many aggregates as a shared scan puts in one statement. */
    static final int MAX_PAIRS = 240;

    /** The value of every pair, in order; null where it is undefined. */
    final List<Double> values(SqlEngine engine, String relation, ChosenColumns chosen, List<Pair> pairs, long rows) {
        Map<Pair, Double> found = new HashMap<>();
        List<PairBatch> batches = PairBatch.of(pairs, batchSize(rows));
        compute(engine, relation, chosen, batches, found);
        List<Double> out = new ArrayList<>();
        pairs.forEach(p -> out.add(found.get(p)));
        return out;
    }

    /** Pairs a batch holds. */
    int batchSize(long rows) {
        return (int) Math.max(1, Math.min(MAX_PAIRS, ROWS_PER_BATCH / Math.max(1, rows)));
    }

    /** Puts the value of each pair of the batches into {@code found} (nothing where undefined). */
    abstract void compute(SqlEngine engine, String relation, ChosenColumns chosen, List<PairBatch> batches,
                          Map<Pair, Double> found);

    /** A correlation read back: null for NULL and NaN (undefined), else clipped to [-1, 1] as pandas does. */
    static Double correlation(Object raw) {
        if (raw == null) {
            return null;
        }
        double v = ((Number) raw).doubleValue();
        return Double.isNaN(v) ? null : Math.max(-1.0, Math.min(1.0, v));
    }

    /** Runs each batch's work as one step of the statement's progress. */
    static void inSteps(SqlEngine engine, List<PairBatch> batches, Consumer<PairBatch> work) {
        engine.inSteps(batches.size(), () -> {
            for (PairBatch batch : batches) {
                work.accept(batch);
                engine.stepDone();
            }
            return null;
        });
    }
}
