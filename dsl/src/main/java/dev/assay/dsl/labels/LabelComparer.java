package dev.assay.dsl.labels;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;

/** The label of one relation against another's: shares side by side, values on one side only, drift. */
public final class LabelComparer {

    private final SqlEngine engine;

    public LabelComparer(SqlEngine engine) {
        this.engine = engine;
    }

    public LabelComparison compare(String relation, String other, Column label, LabelClasses here) {
        return null; // being built (issue 24)
    }
}
