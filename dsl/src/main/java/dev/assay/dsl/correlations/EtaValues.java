package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.List;
import java.util.Map;

/**
 * The correlation ratio eta of a number by a category, sqrt(SS_between / SS_total), over the
 * pair's complete rows: each group's rows, mean and sum of squared deviations (var_pop times
 * rows, centred, so large means lose no digits) in a scratch table, then per pair SS_between =
 * sum of n_g (mean_g - mean)^2 and SS_within = sum of the groups' squares. Undefined when the
 * number is constant or the category has one value over those rows.
 */
final class EtaValues extends PairValues {

    @Override
    void compute(SqlEngine engine, String relation, ChosenColumns chosen, List<PairBatch> batches, Map<Pair, Double> found) {
        SqlDialect d = engine.dialect();
        inSteps(engine, batches, batch -> {
            // x the category, y the number.
            String groups = "SELECT p, count(*) AS n, " + d.compensatedSum("y") + " / count(*) AS m, var_pop(y) * count(*) AS ss"
                    + " FROM (" + batch.completeRows(d, relation, chosen,
                    pair -> chosen.forms().get(pair.a()) == ValueForm.CATEGORY) + ") AS c GROUP BY p, x";
            try (WorkTable table = WorkTable.of(engine, "correlation_groups", groups)) {
                String g = table.quoted();
                String sums = "SELECT g.p, count(*), sum(g.ss), sum(g.n * (g.m - t.m) * (g.m - t.m)) FROM " + g
                        + " AS g JOIN (SELECT p, sum(g.n * g.m) / sum(g.n) AS m FROM " + g + " AS g GROUP BY p) AS t"
                        + " ON g.p = t.p GROUP BY g.p";
                for (List<Object> row : engine.smallResult(sums)) {
                    long groupCount = ((Number) row.get(1)).longValue();
                    double within = ((Number) row.get(2)).doubleValue();
                    double between = ((Number) row.get(3)).doubleValue();
                    double total = within + between;
                    if (groupCount > 1 && total > 0) {
                        found.put(batch.pairs().get(((Number) row.get(0)).intValue()), Math.min(1.0, Math.sqrt(between / total)));
                    }
                }
            }
        });
    }
}
