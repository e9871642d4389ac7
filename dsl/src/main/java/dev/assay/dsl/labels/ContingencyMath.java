package dev.assay.dsl.labels;

/**
 * The arithmetic of a contingency table that is done in Java, from exact counts: Cramér's V
 * from chi-squared, the entropy of label counts, and the whole of a small table (missingness
 * against the label). Definitions as scipy's {@code association(method="cramer")} (no Yates
 * correction) and scikit-learn's {@code mutual_info_score} (nats).
 */
public final class ContingencyMath {

    private ContingencyMath() {
    }

    /** sqrt(chi2 / (n (min(r, c) - 1))); null when min(r, c) = 1 (scipy divides by zero there) or n = 0. */
    public static Double cramersV(double chi2, long n, long r, long c) {
        long k = Math.min(r, c) - 1;
        if (n == 0 || k < 1) {
            return null;
        }
        return Math.sqrt(Math.max(0.0, chi2) / ((double) n * k));
    }

    /** Entropy in nats of counts (zeros ignored), as {@code scipy.stats.entropy(counts)}. */
    static double entropy(long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double h = 0;
        for (long c : counts) {
            if (c > 0) {
                double p = (double) c / n;
                h -= p * Math.log(p);
            }
        }
        return h;
    }

    /**
     * Cramér's V of a two-row table: {@code present[j]} rows of class j hold a value, the other
     * {@code total[j] - present[j]} do not. Null when either row is empty (never or always missing).
     */
    static Double twoRowCramersV(long[] present, long[] total) {
        long n = 0;
        long p = 0;
        int classes = 0;
        for (int j = 0; j < total.length; j++) {
            n += total[j];
            p += present[j];
            classes += total[j] > 0 ? 1 : 0;
        }
        if (p == 0 || p == n) {
            return null;
        }
        double chi2 = 0;
        long[] rowTotals = {p, n - p};
        for (int j = 0; j < total.length; j++) {
            if (total[j] == 0) {
                continue;
            }
            long[] observed = {present[j], total[j] - present[j]};
            for (int i = 0; i < 2; i++) {
                double expected = (double) rowTotals[i] * total[j] / n;
                double d = observed[i] - expected;
                chi2 += d * d / expected;
            }
        }
        return cramersV(chi2, n, 2, classes);
    }
}
