package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * What {@code labels NAME on LABEL} found: the label's classes, groups of equal features with
 * different labels, each other column's association with the label, the findings a reviewer
 * needs flagged, and (with {@code vs OTHER}) the label against another dataset's. The JSON is
 * documented in docs/architecture.md ("Results and their JSON") and docs/labels.md.
 */
public record Labels(String dataset, String label, LabelClasses classes, LabelConflicts conflicts,
                     List<ColumnAssociation> columns, List<LabelFinding> findings, LabelComparison vs) {

    public Labels {
        columns = List.copyOf(columns);
        findings = List.copyOf(findings);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "labels", "dataset", dataset, "label", label, "rows", classes.rows(),
                "labelled_rows", classes.labelledRows(), "missing_labels", classes.missingLabels(),
                "classes", classes.classes().stream().map(LabelClass::toJson).toList(),
                "imbalance_ratio", classes.imbalanceRatio(), "minority_share", classes.minorityShare(),
                "conflict_groups", conflicts.groups(), "conflict_rows", conflicts.rows(), "conflicts", conflicts.toJson(),
                "columns", columns.stream().map(ColumnAssociation::toJson).toList(),
                "findings", findings.stream().map(LabelFinding::toJson).toList(),
                "vs", vs == null ? null : vs.toJson());
    }
}
