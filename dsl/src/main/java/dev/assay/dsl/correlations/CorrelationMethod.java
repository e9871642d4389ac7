package dev.assay.dsl.correlations;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a pair of columns is correlated: {@code pearson} and {@code spearman} (numbers, as pandas'
 * {@code DataFrame.corr} over pairwise complete rows), {@code cramer} (two categorical columns, as
 * scipy's {@code association(method="cramer")}), {@code eta} (the correlation ratio of a number
 * by a category), and {@code auto}, which chooses one of these by the pair's kinds (docs/correlations.md).
 */
public enum CorrelationMethod {
    PEARSON, SPEARMAN, CRAMER, ETA, AUTO;

    /** The word of {@code using}, and of the JSON. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(CorrelationMethod::keyword).toList();
    }

    /** The method of this word, or null. */
    public static CorrelationMethod of(String keyword) {
        return Arrays.stream(values()).filter(m -> m.keyword().equalsIgnoreCase(keyword)).findFirst().orElse(null);
    }
}
