package dev.assay.dsl.suggest;

import dev.assay.dsl.check.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The margins of suggested bounds (docs/suggest.md, "Margins"): every bound lies beyond the
 * value observed, rounded away from it, so a suggestion never is tighter than the data.
 */
final class Margins {

    /** Rows must reach this share of today's count: a nightly file may shrink a little, not by half. */
    static final int ROWS_PERCENT = 90;
    /** Shares of rows (missing, null-like, outliers) may grow to this factor of today's ... */
    static final double SHARE_FACTOR = 1.5;
    /** ... plus this many percentage points, so a share of 0.1% does not fail at 0.2%. */
    static final double SHARE_POINTS = 1;
    /** How a reason names the share margin. */
    static final String SHARE_FACTOR_TEXT = "1.5x + 1 point";
    /** Distinct values of a categorical column may grow by this factor, at least by one. */
    static final double DISTINCT_FACTOR = 1.2;
    /** A number range widens by this fraction of itself on each side. */
    static final double RANGE_FRACTION = 0.1;

    private Margins() {
    }

    /** The least row count allowed: {@value #ROWS_PERCENT}% of {@code observed}, rounded down. */
    static long rows(long observed) {
        return observed / 100 * ROWS_PERCENT + observed % 100 * ROWS_PERCENT / 100;
    }

    /**
     * The greatest share allowed (a percentage): {@code 1.5 x observed + 1} point, rounded up to
     * a tenth; at or above 100 the bound would allow every row.
     */
    static BigDecimal share(double observedPercent) {
        BigDecimal bound = BigDecimal.valueOf(SHARE_FACTOR * observedPercent + SHARE_POINTS).setScale(1, RoundingMode.CEILING)
                .stripTrailingZeros();
        return bound.scale() < 0 ? bound.setScale(0) : bound;
    }

    /** The most distinct values allowed: {@code 1.2 x observed} rounded up, at least one more. */
    static long distinct(long observed) {
        return Math.max(observed + 1, (long) Math.ceil(DISTINCT_FACTOR * observed));
    }

    /** The widening of a range [low, high]: a tenth of it, or of the value's size when the range is one value (1 for 0). */
    static double rangeMargin(double low, double high) {
        double range = high - low;
        if (range > 0) {
            return RANGE_FRACTION * range;
        }
        return low != 0 ? RANGE_FRACTION * Math.abs(low) : 1;
    }

    /**
     * {@link #rangeMargin} in decimals of the values as they print (0.1 x (58.5 - 1.5) is 5.7,
     * not 5.7000000000000002), so a bound reads as the arithmetic a user would do.
     */
    private static BigDecimal decimalMargin(double low, double high) {
        BigDecimal fraction = BigDecimal.valueOf(RANGE_FRACTION);
        if (high > low) {
            return fraction.multiply(BigDecimal.valueOf(high).subtract(BigDecimal.valueOf(low)));
        }
        return low != 0 ? fraction.multiply(BigDecimal.valueOf(Math.abs(low))) : BigDecimal.ONE;
    }

    /** The lower bound of [low, high] widened by its margin, rounded down; not below 0 when no value is negative. */
    static BigDecimal lower(double low, double high, boolean integers) {
        double margin = rangeMargin(low, high);
        BigDecimal bound = round(BigDecimal.valueOf(low).subtract(decimalMargin(low, high)), margin, integers, RoundingMode.FLOOR);
        return low >= 0 && bound.signum() < 0 ? BigDecimal.ZERO : bound;
    }

    /** The upper bound of [low, high] widened by its margin, rounded up; not above 0 when no value is positive. */
    static BigDecimal upper(double low, double high, boolean integers) {
        double margin = rangeMargin(low, high);
        BigDecimal bound = round(BigDecimal.valueOf(high).add(decimalMargin(low, high)), margin, integers, RoundingMode.CEILING);
        return high <= 0 && bound.signum() > 0 ? BigDecimal.ZERO : bound;
    }

    /** {@code value} rounded (away from the data) to two significant digits of the margin; whole numbers for integer columns. */
    private static BigDecimal round(BigDecimal value, double margin, boolean integers, RoundingMode direction) {
        int scale = 1 - (int) Math.floor(Math.log10(margin));
        if (integers) {
            scale = Math.min(scale, 0);
        }
        BigDecimal rounded = value.setScale(scale, direction).stripTrailingZeros();
        return rounded.signum() == 0 ? BigDecimal.ZERO : rounded.scale() < 0 ? rounded.setScale(0) : rounded;
    }

    /** A bound or observed value as a reason writes it. */
    static String format(double value) {
        return Values.format(value);
    }

    /** A bound as the statement writes it: plain digits, no exponent. */
    static String plain(BigDecimal bound) {
        return bound.toPlainString();
    }
}
