package dev.assay.dsl.drift;

import dev.assay.dsl.profile.Histogram;

/**
 * numpy's {@code histogram_bin_edges(values, bins='sturges')}, reproduced: the width is
 * (max - min) / (log2(n) + 1), at least 1 for integer data, the bin count is
 * ceil((max - min) / width) (1 when all values are equal), and the edges are numpy's
 * {@code linspace} over [min, max], widened by 0.5 each side when min = max.
 */
public final class SturgesBins {

    private SturgesBins() {
    }

    public static double[] edges(long n, double min, double max, boolean integer) {
        double width = (max - min) / (log2(n) + 1.0);
        int bins = 1;
        if (width != 0) {
            if (integer && width < 1) {
                width = 1;
            }
            bins = (int) Math.ceil((max - min) / width);
        }
        return Histogram.edges(min, max, bins);
    }

    /** log2 that is exact at powers of two, as numpy's is. */
    static double log2(long n) {
        if (Long.bitCount(n) == 1) {
            return 63 - Long.numberOfLeadingZeros(n);
        }
        return Math.log(n) / Math.log(2);
    }
}
