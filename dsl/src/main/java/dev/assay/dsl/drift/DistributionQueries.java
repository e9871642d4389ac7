package dev.assay.dsl.drift;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/** The {@link Distribution} of a column, from its value counts (or its word counts), in one small query. */
final class DistributionQueries {

    private DistributionQueries() {
    }

    static Distribution of(DriftKind kind, ColumnValues v, boolean temporal) {
        if (kind == DriftKind.NUMERIC) {
            double[] edges = SturgesBins.edges(v.referenceValues + v.currentValues, v.min, v.max, v.integer);
            List<List<Object>> rows = v.query("SELECT r, c FROM (" + v.perBin(edges) + ") ORDER BY k");
            List<Double> e = new ArrayList<>();
            for (double x : edges) {
                e.add(x);
            }
            return new Distribution(e, null, temporal, shares(rows, 0, v.referenceValues), shares(rows, 1, v.currentValues));
        }
        String counts = kind == DriftKind.TEXT ? DriftStatistics.wordCounts(v) : "SELECT v AS k, r, c FROM " + v.table.quoted();
        return labelled(v, counts);
    }

    /** The most frequent labels of a (k, r, c) relation, ties by label, the rest pooled last under a null label. */
    static Distribution labelled(ColumnValues v, String counts) {
        SqlDialect sql = v.sql;
        String ranked = "SELECT " + sql.castText("k") + " AS k, r, c, row_number() OVER (ORDER BY r + c DESC, k) AS rank FROM ("
                + counts + ")";
        List<List<Object>> rows = v.query("SELECT CASE WHEN rank <= " + Distribution.MAX_LABELS + " THEN k END AS label, "
                + "sum(r), sum(c), min(rank) AS first FROM (" + ranked + ") GROUP BY label ORDER BY first");
        long nr = 0;
        long nc = 0;
        List<String> labels = new ArrayList<>();
        for (List<Object> row : rows) {
            labels.add((String) row.get(0));
            nr += ColumnValues.number(row.get(1));
            nc += ColumnValues.number(row.get(2));
        }
        return new Distribution(null, labels, false, shares(rows, 1, nr), shares(rows, 2, nc));
    }

    private static List<Double> shares(List<List<Object>> rows, int column, long total) {
        List<Double> shares = new ArrayList<>();
        for (List<Object> row : rows) {
            shares.add(total == 0 ? 0.0 : ColumnValues.number(row.get(column)) / (double) total);
        }
        return shares;
    }
}
