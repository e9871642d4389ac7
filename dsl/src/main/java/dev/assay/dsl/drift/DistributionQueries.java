package dev.assay.dsl.drift;

import dev.assay.dsl.profile.PerValueBins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The {@link Distribution} of a column, from its share bins, value counts or word counts, in one small query. */
final class DistributionQueries {

    private DistributionQueries() {
    }

    static Distribution of(DriftKind kind, ColumnValues v) {
        if (kind == DriftKind.NUMERIC && !v.temporal() && PerValueBins.applies(v.distinct)) {
            return perValue(v);
        }
        if (kind == DriftKind.NUMERIC) {
            List<List<Object>> rows = v.query("SELECT r, c FROM (" + v.shareBins() + ") ORDER BY k");
            List<Double> edges = Arrays.stream(v.shareEdges()).boxed().toList();
            return new Distribution(edges, null, null, v.temporal(), shares(rows, 0, v.referenceValues),
                    shares(rows, 1, v.currentValues));
        }
        String counts = kind == DriftKind.TEXT ? v.wordCounts() : v.perValue();
        List<List<Object>> rows = v.query("SELECT k, r, c FROM (" + v.topLabels(counts, Distribution.MAX_LABELS)
                + ") ORDER BY first");
        long nr = 0;
        long nc = 0;
        List<String> labels = new ArrayList<>();
        for (List<Object> row : rows) {
            labels.add((String) row.get(0));
            nr += ColumnValues.number(row.get(1));
            nc += ColumnValues.number(row.get(2));
        }
        return new Distribution(null, null, labels, false, shares(rows, 1, nr), shares(rows, 2, nc));
    }

    /** A few-valued number: each value of either side its own bin, in value order. */
    private static Distribution perValue(ColumnValues v) {
        List<List<Object>> rows = v.query("SELECT k, r, c FROM (" + v.perValue() + ") ORDER BY k");
        double[] values = rows.stream().mapToDouble(row -> ((Number) row.get(0)).doubleValue()).toArray();
        List<Double> edges = Arrays.stream(PerValueBins.edges(values)).boxed().toList();
        return new Distribution(edges, Arrays.stream(values).boxed().toList(), null, false,
                shares(rows, 1, v.referenceValues), shares(rows, 2, v.currentValues));
    }

    private static List<Double> shares(List<List<Object>> rows, int column, long total) {
        List<Double> shares = new ArrayList<>();
        for (List<Object> row : rows) {
            shares.add(total == 0 ? 0.0 : ColumnValues.number(row.get(column)) / (double) total);
        }
        return shares;
    }
}
