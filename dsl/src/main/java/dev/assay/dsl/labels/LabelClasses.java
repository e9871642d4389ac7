package dev.assay.dsl.labels;

import java.util.Comparator;
import java.util.List;

/**
 * The label's classes in one dataset: {@code rows} in all, {@code missingLabels} of them with a
 * NULL label (left out of everything else), and every label value with its count, largest first
 * (ties by value).
 */
public record LabelClasses(long rows, long missingLabels, List<LabelClass> classes) {

    public LabelClasses {
        classes = List.copyOf(classes);
    }

    /** The rows whose label is not NULL. */
    public long labelledRows() {
        return rows - missingLabels;
    }

    /** The largest class's count over the smallest's; null without classes. */
    public Double imbalanceRatio() {
        if (classes.isEmpty()) {
            return null;
        }
        long largest = classes.stream().mapToLong(LabelClass::count).max().orElseThrow();
        long smallest = classes.stream().mapToLong(LabelClass::count).min().orElseThrow();
        return (double) largest / smallest;
    }

    /** The smallest class's share of the labelled rows; null without classes. */
    public Double minorityShare() {
        return classes.stream().min(Comparator.comparingLong(LabelClass::count)).map(LabelClass::share).orElse(null);
    }
}
