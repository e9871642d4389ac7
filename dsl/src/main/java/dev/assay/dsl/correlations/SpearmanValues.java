package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;
import java.util.Map;

/**
 * Spearman's rho of each pair as pandas computes it: both columns ranked again over the pair's
 * complete rows (average ranks for ties), then Pearson's r of the ranks. A pair's rows are
 * ranked in a window partitioned by the pair, so each pair costs a sort of its own rows (on
 * Spark, in one task per pair) and the whole grows linearly with the pairs.
 */
final class SpearmanValues extends PairValues {

    @Override
    void compute(SqlEngine engine, String relation, ChosenColumns chosen, List<PairBatch> batches, Map<Pair, Double> found) {
        SqlDialect d = engine.dialect();
        inSteps(engine, batches, batch -> {
            String ranks = "SELECT p, " + averageRank(d, "x") + " AS rx, " + averageRank(d, "y") + " AS ry FROM ("
                    + batch.completeRows(d, relation, chosen, pair -> true) + ") AS c";
            for (List<Object> row : engine.smallResult("SELECT p, corr(rx, ry) FROM (" + ranks + ") AS r GROUP BY p")) {
                Double rho = correlation(row.get(1));
                if (rho != null) {
                    found.put(batch.pairs().get(((Number) row.get(0)).intValue()), rho);
                }
            }
        });
    }

    /** The 1-based average rank of {@code value} among its pair's values: rank of the first tie plus half the other ties. */
    private static String averageRank(SqlDialect d, String value) {
        return d.castDouble("rank() OVER (PARTITION BY p ORDER BY " + value + ")") + " + "
                + d.castDouble("count(*) OVER (PARTITION BY p, " + value + ") - 1") + " / 2";
    }
}
