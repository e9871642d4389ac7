package dev.assay.dsl.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The findings of {@code labels}, with the thresholds docs/labels.md ("Findings and their thresholds") states. */
final class LabelFindings {

    /** A class under this share of the labelled rows is a minority class. */
    static final double MINORITY_SHARE = 0.01;
    /** A largest class more than this many times the smallest is an imbalance. */
    static final double IMBALANCE_RATIO = 10;
    /** A column whose normalized mutual information with the label is above this tells the label almost alone. */
    static final double LEAK_NORMALIZED_MI = 0.9;
    /**
     * A column with more distinct values than this share of the labelled rows has nearly a
     * value per row: its values tell their rows' labels by being rare, so a high MI is no leak.
     */
    static final double NEARLY_UNIQUE_SHARE = 0.5;

    /** The order of kinds among findings that touch as many rows. */
    private static final List<String> KINDS = List.of("leak", "identifier", "nearly_unique", "conflicts", "imbalance",
            "minority_class", "new_labels");

    private LabelFindings() {
    }

    static List<LabelFinding> of(String label, LabelClasses classes, LabelConflicts conflicts, List<ColumnAssociation> columns,
                                 LabelComparison vs) {
        List<LabelFinding> found = new ArrayList<>();
        long labelled = classes.labelledRows();
        for (LabelClass c : classes.classes()) {
            if (c.share() < MINORITY_SHARE) {
                found.add(new LabelFinding("minority_class", String.valueOf(c.value()), c.count(), String.format(Locale.ROOT,
                        "class %s of '%s' has %,d rows, %s of the labelled rows (under %s): too few to learn it or to measure "
                                + "a model on it", c.value(), label, c.count(), percent(c.share()), percent(MINORITY_SHARE))));
            }
        }
        Double ratio = classes.imbalanceRatio();
        if (ratio != null && ratio > IMBALANCE_RATIO) {
            LabelClass largest = classes.classes().get(0);
            LabelClass smallest = classes.classes().get(classes.classes().size() - 1);
            found.add(new LabelFinding("imbalance", null, labelled, String.format(Locale.ROOT,
                    "the largest class of '%s' (%s, %,d rows) is %.1f times the smallest (%s, %,d rows), over %.0f: weigh or "
                            + "resample the classes, and measure per class", label, largest.value(), largest.count(), ratio,
                    smallest.value(), smallest.count(), IMBALANCE_RATIO)));
        }
        if (conflicts != null && conflicts.groups() > 0) {
            found.add(new LabelFinding("conflicts", null, conflicts.rows(), String.format(Locale.ROOT,
                    "%,d groups of rows (%,d rows) have the same %s but different labels: fix or drop them ('conflicts' makes "
                            + "them a dataset, with each group's majority label)", conflicts.groups(), conflicts.rows(),
                    conflicts.by().isEmpty() ? "features" : String.join(", ", conflicts.by()))));
        }
        for (ColumnAssociation column : columns) {
            if (column.normalizedMi() == null || column.normalizedMi() <= LEAK_NORMALIZED_MI) {
                continue;
            }
            if (column.identifier()) {
                found.add(new LabelFinding("identifier", column.name(), labelled, String.format(Locale.ROOT,
                        "'%s' is an identifier, not a leak: every row has its own value, so it tells each row's label "
                                + "(normalized MI %.3f) without generalizing; leave it out of the features",
                        column.name(), column.normalizedMi())));
            } else if (column.distinct() > NEARLY_UNIQUE_SHARE * labelled) {
                found.add(new LabelFinding("nearly_unique", column.name(), labelled, String.format(Locale.ROOT,
                        "'%s' has nearly a value per row (%,d distinct in %,d labelled rows): most values occur once, so "
                                + "they tell their rows' labels (normalized MI %.3f) by being rare, which is no evidence of a "
                                + "leak; for text, look at conflicts and near duplicates instead", column.name(),
                        column.distinct(), labelled, column.normalizedMi())));
            } else {
                found.add(new LabelFinding("leak", column.name(), labelled, String.format(Locale.ROOT,
                        "'%s' tells the label '%s' almost alone (normalized MI %.3f, over %s): a suspected leak; make sure "
                                + "it is known before the label is", column.name(), label, column.normalizedMi(),
                        LEAK_NORMALIZED_MI)));
            }
        }
        if (vs != null && !vs.onlyThere().isEmpty()) {
            long rows = vs.classes().stream().filter(c -> c.count() == 0).mapToLong(LabelComparison.SideBySide::otherCount).sum();
            found.add(new LabelFinding("new_labels", null, rows, String.format(Locale.ROOT,
                    "%s holds %s of '%s' that this dataset lacks (%,d rows): %s", vs.other(),
                    vs.onlyThere().size() == 1 ? "a value" : vs.onlyThere().size() + " values", label,
                    rows, String.join(", ", vs.onlyThere().stream().map(String::valueOf).toList()))));
        }
        return found.stream().sorted(Comparator.comparingLong(LabelFinding::rows).reversed()
                .thenComparingInt(f -> KINDS.indexOf(f.kind()))).toList();
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
