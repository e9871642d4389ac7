package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pearson's r of each pair over the rows where both hold a value, as pandas' {@code corr}: one
 * {@code corr} aggregate per pair (both engines skip a row where either value is NULL, and
 * compute from centred co-moments, so large means lose no digits), a statement per batch.
 */
final class PearsonValues extends PairValues {

    @Override
    int batchSize(long rows) {
        return MAX_PAIRS;
    }

    @Override
    void compute(SqlEngine engine, String relation, ChosenColumns chosen, List<PairBatch> batches, Map<Pair, Double> found) {
        SqlDialect d = engine.dialect();
        List<String> queries = new ArrayList<>();
        for (PairBatch batch : batches) {
            List<String> items = new ArrayList<>();
            for (int i = 0; i < batch.pairs().size(); i++) {
                Pair pair = batch.pairs().get(i);
                items.add("corr(" + batch.name(pair.a()) + ", " + batch.name(pair.b()) + ") AS r" + i);
            }
            queries.add("SELECT " + String.join(", ", items) + " FROM " + batch.source(d, relation, chosen));
        }
        List<List<List<Object>>> results = engine.smallResults(queries);
        for (int b = 0; b < batches.size(); b++) {
            List<Object> row = results.get(b).get(0);
            List<Pair> pairs = batches.get(b).pairs();
            for (int i = 0; i < pairs.size(); i++) {
                Double r = correlation(row.get(i));
                if (r != null) {
                    found.put(pairs.get(i), r);
                }
            }
        }
    }
}
