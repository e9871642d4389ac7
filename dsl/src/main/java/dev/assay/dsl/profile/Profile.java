package dev.assay.dsl.profile;

import java.util.List;
import java.util.Map;

/**
 * The profile of a dataset: its row count, a profile per column, the pairs of columns whose
 * values are equal on every row, and the findings to review, those touching the most rows first.
 */
public record Profile(String dataset, long rows, List<ColumnProfile> columns, List<ColumnPair> duplicateColumns,
                      List<Finding> findings) {

    public Profile {
        columns = List.copyOf(columns);
        duplicateColumns = List.copyOf(duplicateColumns);
        findings = List.copyOf(findings);
    }

    /** The stable, machine-readable form (docs/architecture.md, "Results and their JSON"). */
    public Map<String, Object> toJson() {
        return ProfileJson.of(this);
    }
}
