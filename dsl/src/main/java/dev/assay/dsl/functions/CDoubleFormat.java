package dev.assay.dsl.functions;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A double as C's {@code printf("%.17g")} prints it (glibc, and DuckDB's {@code printf}): 17
 * significant digits of the exact binary value, rounded half to even, trailing zeros dropped;
 * fixed notation when the decimal exponent X is in [-4, 17), else {@code d.ddde+XX} with at
 * least two exponent digits. Java's own {@code %.17g} differs (it keeps the zeros and rounds a
 * shorter decimal), so fingerprints computed by a JVM engine call this instead.
 */
public final class CDoubleFormat {

    private static final int PRECISION = 17;
    private static final MathContext SIGNIFICANT = new MathContext(PRECISION, RoundingMode.HALF_EVEN);

    private CDoubleFormat() {
    }

    public static String g17(double value) {
        if (Double.isNaN(value)) {
            return "nan"; // glibc prints "nan" or "-nan" by the sign bit; the fingerprint maps every NaN to "nan" first
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0) {
            return Double.doubleToRawLongBits(value) < 0 ? "-0" : "0";
        }
        // new BigDecimal(double) is the exact binary value; rounding it once gives C's digits.
        BigDecimal rounded = new BigDecimal(value).round(SIGNIFICANT);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < PRECISION) {
            return stripZeros(rounded.setScale(PRECISION - 1 - exponent, RoundingMode.UNNECESSARY).toPlainString());
        }
        BigDecimal mantissa = rounded.movePointLeft(exponent).setScale(PRECISION - 1, RoundingMode.UNNECESSARY);
        String digits = stripZeros(mantissa.toPlainString());
        String sign = exponent < 0 ? "-" : "+";
        int magnitude = Math.abs(exponent);
        return digits + "e" + sign + (magnitude < 10 ? "0" : "") + magnitude;
    }

    /** %g drops trailing zeros after the point, and the point when nothing follows it. */
    private static String stripZeros(String fixed) {
        if (fixed.indexOf('.') < 0) {
            return fixed;
        }
        int end = fixed.length();
        while (fixed.charAt(end - 1) == '0') {
            end--;
        }
        if (fixed.charAt(end - 1) == '.') {
            end--;
        }
        return fixed.substring(0, end);
    }
}
