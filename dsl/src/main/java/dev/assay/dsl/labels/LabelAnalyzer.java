package dev.assay.dsl.labels;

import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.List;

/** Runs {@code labels}: classes first (they refuse what is not a label), then conflicts, associations and the comparison. */
public final class LabelAnalyzer {

    private final SqlEngine engine;

    public LabelAnalyzer(SqlEngine engine) {
        this.engine = engine;
    }

    /**
     * The labels of {@code relation}: {@code label} its label column, {@code features} what makes
     * rows equal for conflicts, {@code others} the columns whose association with the label is
     * measured, {@code vs} the relation to compare with (null for none).
     */
    public Labels analyze(String relation, Column label, ResolvedMatch features, List<Column> others, String vs) {
        LabelClasses classes = new ClassCounter(engine).count(relation, label);
        LabelConflicts conflicts = new ConflictFinder(engine).find(relation, label, features);
        List<ColumnAssociation> columns = new AssociationScan(engine).measure(relation, label, others, classes);
        LabelComparison comparison = vs == null ? null : new LabelComparer(engine).compare(relation, vs, label, classes);
        return new Labels(relation, label.name(), classes, conflicts, columns,
                LabelFindings.of(label.name(), classes, conflicts, columns, comparison), comparison);
    }
}
