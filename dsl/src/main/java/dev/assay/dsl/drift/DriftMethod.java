package dev.assay.dsl.drift;

import dev.assay.dsl.naming.Suggestions;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ways to compare one column of two datasets, named by their {@code using} keyword.
 * A test gives a p-value and drifts below its threshold; a distance drifts at or above it.
 * Definitions and sources: docs/drift.md.
 */
public enum DriftMethod {
    KS("ks", true),
    PSI("psi", false),
    JS("js", false),
    WASSERSTEIN("wasserstein", false),
    CHI2("chi2", true),
    HELLINGER("hellinger", false),
    Z("z", true),
    /** Assay's own, for free text: the Jensen-Shannon distance of the word frequencies. */
    TEXT("text", false);

    /** Evidently's defaults: 0.05 for p-values, 0.1 for distances. */
    static final double P_VALUE_THRESHOLD = 0.05;
    static final double DISTANCE_THRESHOLD = 0.1;

    private final String keyword;
    private final boolean pValue;
    DriftMethod(String keyword, boolean pValue) {
        this.keyword = keyword;
        this.pValue = pValue;
    }

    public String keyword() {
        return keyword;
    }

    /** True for tests (the statistic comes with a p-value), false for distances. */
    public boolean givesPValue() {
        return pValue;
    }

    public double defaultThreshold() {
        return pValue ? P_VALUE_THRESHOLD : DISTANCE_THRESHOLD;
    }

    /** Drift verdict for a statistic (distance) or p-value (test) against a threshold. */
    boolean drifted(double statistic, Double pValueOrNull, double threshold) {
        return pValue ? pValueOrNull < threshold : statistic >= threshold;
    }

    /** Null when the threshold suits this method, else the range it takes: "ks, a test, takes ...". */
    public String thresholdProblem(double threshold) {
        if (pValue && !(threshold > 0 && threshold < 1)) {
            return keyword + ", a test, takes a p-value threshold between 0 and 1 (exclusive), like 0.05";
        }
        boolean bounded = this == JS || this == HELLINGER || this == TEXT;
        if (bounded && !(threshold > 0 && threshold <= 1)) {
            return keyword + ", a distance from 0 to 1, takes a threshold above 0 and at most 1, like 0.1";
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            return keyword + ", a distance, takes a threshold above 0, like 0.1";
        }
        return null;
    }

    public static List<String> keywords() {
        return Arrays.stream(values()).map(DriftMethod::keyword).toList();
    }

    /** The method of a keyword, case-insensitive; {@code auto} is not a method but the choice per column (null). */
    public static DriftMethod of(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        if (k.equals("auto")) {
            return null;
        }
        return Arrays.stream(values()).filter(m -> m.keyword.equals(k)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown drift method '" + keyword + "'"
                        + Suggestions.didYouMean(keyword, keywords()) + "; methods: " + String.join(", ", keywords()) + ", auto"));
    }
}
