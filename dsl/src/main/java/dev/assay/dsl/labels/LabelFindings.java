package dev.assay.dsl.labels;

import java.util.List;

/** The findings of {@code labels}, with the thresholds docs/labels.md states. */
final class LabelFindings {

    private LabelFindings() {
    }

    static List<LabelFinding> of(String label, LabelClasses classes, LabelConflicts conflicts, List<ColumnAssociation> columns,
                                 LabelComparison vs) {
        return List.of(); // being built (issue 24)
    }
}
