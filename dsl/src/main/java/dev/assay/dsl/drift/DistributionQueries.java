package dev.assay.dsl.drift;

import dev.assay.dsl.profile.PerValueBins;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Distribution} of each column of a batch, from its share bins, value counts or word
 * counts: one small statement per kind of picture for all the batch's columns.
 */
final class DistributionQueries {

    private DistributionQueries() {
    }

    static List<PerColumnQuery<Distribution>> queries(List<ColumnSummary> columns, DriftValues v) {
        List<ColumnSummary> perValue = new ArrayList<>();
        Map<ColumnSummary, double[]> binned = new LinkedHashMap<>();
        List<ColumnSummary> categories = new ArrayList<>();
        List<ColumnSummary> texts = new ArrayList<>();
        for (ColumnSummary column : columns) {
            DriftKind kind = column.driftKind();
            if (kind == DriftKind.NUMERIC && !column.temporal() && PerValueBins.applies(column.distinct())) {
                perValue.add(column);
            } else if (kind == DriftKind.NUMERIC) {
                binned.put(column, column.shareEdges());
            } else if (kind == DriftKind.TEXT) {
                texts.add(column);
            } else {
                categories.add(column);
            }
        }
        List<PerColumnQuery<Distribution>> queries = new ArrayList<>();
        if (!perValue.isEmpty()) {
            queries.add(new PerColumnQuery<>("SELECT w, k, r, c FROM (" + v.perValue(perValue) + ") ORDER BY w, k", perValue,
                    DistributionQueries::perValue));
        }
        if (!binned.isEmpty()) {
            queries.add(new PerColumnQuery<>("SELECT w, k, r, c FROM (" + v.binned(binned) + ") ORDER BY w, k",
                    List.copyOf(binned.keySet()), (column, rows) -> new Distribution(Arrays.stream(binned.get(column)).boxed().toList(),
                            null, null, column.temporal(), shares(rows, 2, column.referenceValues()),
                            shares(rows, 3, column.currentValues()))));
        }
        if (!categories.isEmpty()) {
            queries.add(labels(v.perValue(categories), categories, v));
        }
        if (!texts.isEmpty()) {
            queries.add(labels(v.wordCounts(texts), texts, v));
        }
        return queries;
    }

    /** A few-valued number: each value of either side its own bin, in value order. */
    private static Distribution perValue(ColumnSummary column, List<List<Object>> rows) {
        double[] values = rows.stream().mapToDouble(row -> ((Number) row.get(1)).doubleValue()).toArray();
        List<Double> edges = Arrays.stream(PerValueBins.edges(values)).boxed().toList();
        return new Distribution(edges, Arrays.stream(values).boxed().toList(), null, false,
                shares(rows, 2, column.referenceValues()), shares(rows, 3, column.currentValues()));
    }

    /** The most frequent labels of (w, k, r, c) counts, the rest pooled, as shares of each side's total. */
    private static PerColumnQuery<Distribution> labels(String counts, List<ColumnSummary> columns, DriftValues v) {
        String query = "SELECT w, k, r, c FROM (" + v.topLabels(counts, Distribution.MAX_LABELS) + ") ORDER BY w, first";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            long nr = rows.stream().mapToLong(row -> DriftValues.number(row.get(2))).sum();
            long nc = rows.stream().mapToLong(row -> DriftValues.number(row.get(3))).sum();
            List<String> labels = new ArrayList<>();
            rows.forEach(row -> labels.add((String) row.get(1)));
            return new Distribution(null, null, labels, false, shares(rows, 2, nr), shares(rows, 3, nc));
        });
    }

    private static List<Double> shares(List<List<Object>> rows, int column, long total) {
        List<Double> shares = new ArrayList<>();
        for (List<Object> row : rows) {
            shares.add(total == 0 ? 0.0 : DriftValues.number(row.get(column)) / (double) total);
        }
        return shares;
    }
}
