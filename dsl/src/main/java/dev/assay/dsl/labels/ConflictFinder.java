package dev.assay.dsl.labels;

import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;

/**
 * Groups of labelled rows with equal features (as {@code duplicates} compares them, with
 * {@code normalize} and {@code near}) whose labels differ.
 */
public final class ConflictFinder {

    private final SqlEngine engine;

    public ConflictFinder(SqlEngine engine) {
        this.engine = engine;
    }

    public LabelConflicts find(String relation, Column label, ResolvedMatch features) {
        // Being built (issue 24): no conflicts found yet.
        return new LabelConflicts(features.names(), features.normalize(), features.near(), 0, 0, List.of());
    }

    /** Makes {@code target}: the rows of every conflict group with its group number and majority label. */
    public void materialize(String relation, Column label, ResolvedMatch features, String target) {
        throw new UnsupportedOperationException("issue 24: ConflictFinder is being built");
    }
}
