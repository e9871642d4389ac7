package dev.assay.dsl.correlations;

import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What {@code correlations NAME} found: the matrix over {@code columns} (symmetric, null where a
 * correlation is undefined, e.g. against a constant column), every pair with a value, strongest
 * first, the notes saying why some are null, and findings for pairs above {@link #STRONG}. The
 * JSON is documented in docs/architecture.md ("Results and their JSON") and docs/correlations.md.
 */
public record Correlations(String dataset, CorrelationMethod method, List<String> columns, List<List<Double>> matrix,
                           List<CorrelatedPair> pairs, List<CorrelationNote> notes, List<CorrelationFinding> findings) {

    /** The absolute value above which a pair is a finding. */
    public static final double STRONG = 0.95;

    public Correlations {
        columns = List.copyOf(columns);
        matrix = matrix.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
        pairs = List.copyOf(pairs);
        notes = List.copyOf(notes);
        findings = List.copyOf(findings);
    }

    public Map<String, Object> toJson() {
        List<Object> rows = new ArrayList<>();
        for (List<Double> row : matrix) {
            rows.add(row.stream().map(JsonValue::of).toList());
        }
        return JsonValue.object("kind", "correlations", "dataset", dataset, "method", method.keyword(),
                "columns", columns, "matrix", rows, "pairs", pairs.stream().map(CorrelatedPair::toJson).toList(),
                "notes", notes.stream().map(CorrelationNote::toJson).toList(),
                "findings", findings.stream().map(CorrelationFinding::toJson).toList());
    }
}
