package dev.assay.dsl.drift;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;

/**
 * The two-sided p-value of the two-sample Kolmogorov-Smirnov statistic as
 * {@code scipy.stats.ks_2samp(method='auto')} gives it: exact when the larger sample has at
 * most 10,000 values, else {@code kstwo.sf(D, round(n1 n2 / (n1 + n2)))}. D arrives as its
 * exact numerator: the largest |c1 n2 - c2 n1| over the values, c1 and c2 the cumulative counts.
 */
public final class KolmogorovSmirnov {

    /** scipy's MAX_AUTO_N: above it, the exact path count is replaced by the asymptotic law. */
    static final long EXACT_LIMIT = 10_000;

    private KolmogorovSmirnov() {
    }

    /** D and its two-sided p-value. */
    public record Result(double statistic, double pValue) {
    }

    /**
     * D = largestGap / (n1 n2) and its p-value, for samples of n1 and n2 values whose
     * cumulative counts differ at most by largestGap = max |c1 n2 - c2 n1|.
     */
    public static Result test(long n1, long n2, BigInteger largestGap) {
        double d = new BigDecimal(largestGap).divide(new BigDecimal(BigInteger.valueOf(n1).multiply(BigInteger.valueOf(n2))),
                MathContext.DECIMAL64).doubleValue();
        if (Math.max(n1, n2) <= EXACT_LIMIT) {
            long g = gcd(n1, n2);
            // The gap is a multiple of gcd(n1, n2); h is D in units of 1 / lcm(n1, n2).
            long h = largestGap.longValueExact() / g;
            return new Result(d, h == 0 ? 1.0 : KolmogorovDistribution.clip(exactOutside((int) n1, (int) n2, g, h)));
        }
        double m = Math.max(n1, n2);
        double n = Math.min(n1, n2);
        long effective = (long) Math.rint(m * n / (m + n)); // numpy rounds half to even, as rint does
        return new Result(d, KolmogorovDistribution.sf(effective, d));
    }

    /**
     * The share of the lattice paths from (0, 0) to (n1, n2) (one step per value of either
     * sample, all paths equally likely under the null) that reach |i n2/g - j n1/g| >= h
     * somewhere. Each cell holds that share for the paths ending there; a cell on or beyond
     * the band is 1, and any other mixes its two predecessors in the ratio i : j, which is
     * how the path counts C(i + j, i) split, so no count ever overflows.
     */
    static double exactOutside(int n1, int n2, long g, long h) {
        long a = n2 / g;
        long b = n1 / g;
        double[] share = new double[n2 + 1];
        for (int i = 0; i <= n1; i++) {
            for (int j = 0; j <= n2; j++) {
                if (Math.abs(i * a - j * b) >= h) {
                    share[j] = 1;
                } else if (i == 0 && j == 0) {
                    share[j] = 0;
                } else if (i == 0) {
                    share[j] = share[j - 1];
                } else if (j > 0) {
                    share[j] = (i * share[j] + j * share[j - 1]) / (i + j);
                }
                // j == 0, i > 0: the only way in is from (i - 1, 0), whose share is already in place.
            }
        }
        return share[n2];
    }

    static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
