package dev.assay.dsl.profile;

/**
 * The rule for few-valued numbers (binary labels, class codes such as pclass): a numeric
 * column with at most {@link #MAX_DISTINCT} distinct values gets one bin per value, so that
 * a picture shows each value as its own bar, labelled with it. Equal-width bins would merge
 * neighbouring values or put a bar on one value and none on the next.
 *
 * <p>The edges keep numpy's contract (a value belongs to [left, right), the last bin
 * closed): they lie half-way between neighbouring values, and the outer edges half the
 * nearest gap outside the smallest and largest value (0.5 when there is one value), so that
 * {@code numpy.histogram(values, edges)} counts each value in its own bin.
 */
public final class PerValueBins {

    /** Numeric columns with this many distinct values or fewer are binned per value. */
    public static final int MAX_DISTINCT = 20;

    private PerValueBins() {
    }

    public static boolean applies(long distinct) {
        return distinct > 0 && distinct <= MAX_DISTINCT;
    }

    /** The edges around {@code sorted}, distinct finite values in ascending order. */
    public static double[] edges(double[] sorted) {
        int n = sorted.length;
        double[] edges = new double[n + 1];
        if (n == 1) {
            double[] around = Histogram.widened(sorted[0], sorted[0]);
            edges[0] = around[0];
            edges[1] = around[1];
            return edges;
        }
        for (int i = 1; i < n; i++) {
            edges[i] = midpoint(sorted[i - 1], sorted[i]);
        }
        edges[0] = sorted[0] - (edges[1] - sorted[0]);
        edges[n] = sorted[n - 1] + (sorted[n - 1] - edges[n - 1]);
        return edges;
    }

    /** Half-way, without overflowing near the largest doubles. */
    private static double midpoint(double a, double b) {
        return a / 2 + b / 2;
    }
}
