package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.labels.ContingencyMath;
import dev.assay.dsl.labels.ContingencySums;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cramér's V of each pair of categories as scipy's {@code association(method="cramer")} (no
 * Yates correction) over the pair's complete rows: a batch's contingency counts (pair, value of
 * a, value of b, rows) in one scratch table, chi-squared from labels' sums over it, V in Java.
 */
final class CramerValues extends PairValues {

    @Override
    void compute(SqlEngine engine, String relation, ChosenColumns chosen, List<PairBatch> batches, Map<Pair, Double> found) {
        SqlDialect d = engine.dialect();
        inSteps(engine, batches, batch -> {
            String cells = "SELECT p AS w, x AS k, y, count(*) AS o FROM (" + batch.completeRows(d, relation, chosen, pair -> true)
                    + ") AS c GROUP BY p, x, y";
            try (WorkTable table = WorkTable.of(engine, "correlation_cells", cells)) {
                List<List<List<Object>>> results = engine.smallResults(List.of(ContingencySums.sql(d, table.quoted()),
                        "SELECT w, sum(o), count(DISTINCT y) FROM " + table.quoted() + " GROUP BY w"));
                Map<Integer, long[]> sizes = new HashMap<>();
                for (List<Object> row : results.get(1)) {
                    sizes.put(((Number) row.get(0)).intValue(), new long[] {((Number) row.get(1)).longValue(),
                            ((Number) row.get(2)).longValue()});
                }
                for (List<Object> row : results.get(0)) {
                    int w = ((Number) row.get(0)).intValue();
                    long n = sizes.get(w)[0];
                    double s = ((Number) row.get(2)).doubleValue();
                    Double v = ContingencyMath.cramersV(n * (s - 1), n, ((Number) row.get(1)).longValue(), sizes.get(w)[1]);
                    if (v != null) {
                        found.put(batch.pairs().get(w), Math.min(1.0, v));
                    }
                }
            }
        });
    }
}
