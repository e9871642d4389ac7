package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * The fences of an outlier rule: a value below {@code low} or above {@code high} is an outlier.
 * A fence that is not a finite number (quartiles of infinities) has nothing beyond it, as
 * pandas' comparisons with it find nothing; {@link #low()} and {@link #high()} are then null.
 */
record Fences(double low, double high) {

    /** Q1 - 1.5 IQR and Q3 + 1.5 IQR, as {@code q1 - 1.5 * (q3 - q1)} is written in Python. */
    static Fences iqr(double q1, double q3) {
        double iqr = q3 - q1;
        return new Fences(q1 - 1.5 * iqr, q3 + 1.5 * iqr);
    }

    /** Where the modified z-score 0.6745 |x - median| / MAD reaches {@link NumberAggregates#MODIFIED_Z}. */
    static Fences modifiedZ(double median, double mad) {
        double reach = NumberAggregates.MODIFIED_Z * mad / NumberAggregates.MAD_SCALE;
        return new Fences(median - reach, median + reach);
    }

    /** True when no value can be beyond either fence. */
    boolean none() {
        return !Double.isFinite(low) && !Double.isFinite(high);
    }

    /** The SQL condition of a DOUBLE value beyond a fence (false for a value that is missing). */
    String beyond(SqlDialect d, String value) {
        List<String> sides = new ArrayList<>();
        if (Double.isFinite(low)) {
            sides.add(value + " < " + d.doubleLiteral(low));
        }
        if (Double.isFinite(high)) {
            sides.add(value + " > " + d.doubleLiteral(high));
        }
        return sides.isEmpty() ? "FALSE" : "(" + String.join(" OR ", sides) + ")";
    }

    /** The rule's outliers with these fences (a non-finite fence as null) and no examples yet. */
    Outliers counted(long count) {
        return new Outliers(count, Double.isFinite(low) ? low : null, Double.isFinite(high) ? high : null, List.of());
    }
}
