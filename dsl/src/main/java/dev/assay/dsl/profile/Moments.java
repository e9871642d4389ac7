package dev.assay.dsl.profile;

/**
 * Sums of the first four powers of a column's values centered on a mean close to theirs, with
 * the count and the largest absolute value; skewness and excess kurtosis from them as pandas'
 * {@code Series.skew()} and {@code Series.kurt()} compute them (nanops: bias-corrected G1 and
 * G2, sums under pandas' rounding tolerance taken as 0, so a constant column gives 0).
 */
public record Moments(long n, double s1, double s2, double s3, double s4, double maxAbs) {

    private static final double EPS = Math.ulp(1.0);

    /** The moments of {@code n} values from their centered sums of powers 1 to 4. */
    Moments(long n, double[] sums, double maxAbs) {
        this(n, sums[0], sums[1], sums[2], sums[3], maxAbs);
    }

    /** Whether sums centered on {@code center} are numbers: no value and no mean is infinite. */
    static boolean summable(double center, double maxAbs) {
        return Double.isFinite(center) && Double.isFinite(maxAbs);
    }

    /** Moments of a column holding infinite values: pandas' skewness and kurtosis are NaN. */
    static Moments undefined(long n, double maxAbs) {
        return new Moments(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, maxAbs);
    }

    /** G1; null under 3 values or where pandas gives NaN (infinite values). */
    public Double skewness() {
        if (n < 3) {
            return null;
        }
        double count = n;
        double m2 = zeroBelow(m2(), Math.pow(EPS * maxAbs, 2) * count);
        double m3 = zeroBelow(m3(), Math.pow(EPS * maxAbs, 3) * count);
        double g1 = m2 == 0 ? 0.0 : count * Math.sqrt(count - 1) / (count - 2) * (m3 / Math.pow(m2, 1.5));
        return finite(g1);
    }

    /** G2 (excess kurtosis); null under 4 values or where pandas gives NaN. */
    public Double kurtosis() {
        if (n < 4) {
            return null;
        }
        double count = n;
        double m2 = zeroBelow(m2(), Math.pow(EPS * maxAbs, 2) * count);
        double m4 = zeroBelow(m4(), Math.pow(EPS * maxAbs, 4) * count);
        double adjust = 3 * (count - 1) * (count - 1) / ((count - 2) * (count - 3));
        double numerator = count * (count + 1) * (count - 1) * m4;
        double denominator = (count - 2) * (count - 3) * m2 * m2;
        return denominator == 0 ? finite(0.0) : finite(numerator / denominator - adjust);
    }

    // The sums are centered on the mean as the engine summed it; these move them to the exact
    // mean of the values (mean + s1 / n), so a mean off in its last digits changes nothing.
    private double m2() {
        return s2 - s1 * s1 / n;
    }

    private double m3() {
        return s3 - 3 * s1 * s2 / n + 2 * s1 * s1 * s1 / ((double) n * n);
    }

    private double m4() {
        double nn = (double) n * n;
        return s4 - 4 * s1 * s3 / n + 6 * s1 * s1 * s2 / nn - 3 * s1 * s1 * s1 * s1 / (nn * n);
    }

    private static double zeroBelow(double sum, double tolerance) {
        return Math.abs(sum) < tolerance ? 0.0 : sum;
    }

    /** Null for NaN and infinities: pandas' NaN, as when a value is infinite. */
    private Double finite(double value) {
        return Double.isFinite(value) && Double.isFinite(maxAbs) ? value : null;
    }
}
