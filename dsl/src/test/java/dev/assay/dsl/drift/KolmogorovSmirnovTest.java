package dev.assay.dsl.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/**
 * The exact two-sample p-value against path counting in exact integers: a path from (0, 0)
 * to (n1, n2) is one ordering of the pooled sample, and D >= d when it leaves the band.
 * (Agreement with scipy itself is checked in tests/data/test_drift_vs_scipy.py.)
 */
class KolmogorovSmirnovTest {

    /** P(D >= h / lcm) by counting, with BigInteger, the paths that stay strictly inside the band. */
    private static double countedOutside(int n1, int n2, long h) {
        long g = KolmogorovSmirnov.gcd(n1, n2);
        long a = n2 / g;
        long b = n1 / g;
        BigInteger[] inside = new BigInteger[n2 + 1];
        for (int i = 0; i <= n1; i++) {
            for (int j = 0; j <= n2; j++) {
                if (Math.abs(i * a - j * b) >= h) {
                    inside[j] = BigInteger.ZERO;
                } else if (i == 0 && j == 0) {
                    inside[j] = BigInteger.ONE;
                } else {
                    BigInteger fromLeft = i > 0 ? inside[j] : BigInteger.ZERO;
                    BigInteger fromBelow = j > 0 ? inside[j - 1] : BigInteger.ZERO;
                    inside[j] = fromLeft.add(fromBelow);
                }
            }
        }
        BigInteger all = binomial(n1 + n2, n1);
        BigDecimal share = new BigDecimal(all.subtract(inside[n2])).divide(new BigDecimal(all), MathContext.DECIMAL128);
        return share.doubleValue();
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger r = BigInteger.ONE;
        for (int i = 1; i <= k; i++) {
            r = r.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
        }
        return r;
    }

    @Test
    void exactPValueMatchesPathCounting() {
        int[][] sizes = {{5, 7}, {8, 8}, {12, 30}, {40, 25}, {60, 60}, {3, 50}};
        for (int[] s : sizes) {
            long g = KolmogorovSmirnov.gcd(s[0], s[1]);
            long lcm = (long) s[0] / g * s[1];
            for (long h = 1; h <= lcm; h += Math.max(1, lcm / 17)) {
                double expected = countedOutside(s[0], s[1], h);
                double got = KolmogorovSmirnov.exactOutside(s[0], s[1], g, h);
                assertEquals(expected, got, 1e-13 + 1e-12 * expected, s[0] + " vs " + s[1] + ", h = " + h);
            }
        }
    }

    @Test
    void statisticIsTheExactRatioAndAZeroGapHasPValueOne() {
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(300, 700, BigInteger.valueOf(63_000));
        assertEquals(0.3, r.statistic(), 0);
        assertEquals(1.0, KolmogorovSmirnov.test(300, 700, BigInteger.ZERO).pValue(), 0);
    }

    @Test
    void largeSamplesApproachKolmogorovsLimit() {
        // Above 10,000 values the p-value is that of D_n with n = round(n1 n2 / (n1 + n2)); for large n it
        // tends to Kolmogorov's Q(sqrt(n) D) = 2 sum_k (-1)^(k-1) exp(-2 k^2 n D^2), within O(1 / sqrt(n)).
        long n1 = 2_000_000;
        long n2 = 2_000_000; // n = 1,000,000
        for (double lambda : new double[] {0.6, 1.0, 1.36, 1.8}) {
            long gap = Math.round(lambda / Math.sqrt(1_000_000) * n1 * n2);
            double limit = 0;
            for (int k = 1; k <= 100; k++) {
                limit += 2 * Math.pow(-1, k - 1) * Math.exp(-2.0 * k * k * lambda * lambda);
            }
            double p = KolmogorovSmirnov.test(n1, n2, BigInteger.valueOf(gap)).pValue();
            assertEquals(limit, p, 0.003, "lambda = " + lambda);
        }
    }
}
