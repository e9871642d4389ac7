package dev.assay.dsl.labels;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;

/** Each column's association with the label, from contingency counts computed in the engine. */
public final class AssociationScan {

    private final SqlEngine engine;

    public AssociationScan(SqlEngine engine) {
        this.engine = engine;
    }

    public List<ColumnAssociation> measure(String relation, Column label, List<Column> columns, LabelClasses classes) {
        return List.of(); // being built (issue 24)
    }
}
