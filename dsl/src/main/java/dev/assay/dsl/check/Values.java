package dev.assay.dsl.check;

import dev.assay.dsl.result.JsonValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * How a measured value is written: whole numbers with thousands separators, others to 6
 * significant digits, and infinities and NaN by their names (as in the result JSON).
 */
public final class Values {

    private Values() {
    }

    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return (String) JsonValue.of(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
