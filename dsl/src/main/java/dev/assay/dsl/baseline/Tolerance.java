package dev.assay.dsl.baseline;

import java.math.BigDecimal;
import java.util.List;

/**
 * How far a value may be from its baseline: {@code within N%} of the baseline version's value,
 * or {@code within N sd} of the mean of the baseline versions' values.
 */
public record Tolerance(BigDecimal amount, Kind kind) {

    public enum Kind { PERCENT, SD }

    /** Fewer baseline values than this leave an {@code sd} rule without a spread to compare with. */
    public static final int MIN_SD_VERSIONS = 3;

    public Tolerance {
        if (amount == null || amount.signum() < 0) {
            throw new IllegalArgumentException("a tolerance is 0 or more, like within 10% or within 3 sd, not " + amount);
        }
    }

    public static Tolerance percent(Number amount) {
        return new Tolerance(new BigDecimal(amount.toString()), Kind.PERCENT);
    }

    public static Tolerance sd(Number amount) {
        return new Tolerance(new BigDecimal(amount.toString()), Kind.SD);
    }

    /** As the language writes it: {@code 10%}, {@code 3 sd}. */
    public String text() {
        return amount.toPlainString() + (kind == Kind.PERCENT ? "%" : " sd");
    }

    /**
     * The allowed range around {@code baseline}: {@code |value - baseline| <= N/100 * |baseline|},
     * so a baseline of 0 allows only 0.
     */
    public Band around(double baseline) {
        double slack = amount.doubleValue() / 100 * Math.abs(baseline);
        return new Band(baseline, slack);
    }

    /**
     * The allowed range {@code mean ± N sd} of {@code values} (sample standard deviation, n - 1,
     * as pandas' {@code std}); null below {@link #MIN_SD_VERSIONS} values.
     */
    public Band around(List<Double> values) {
        int n = values.size();
        if (n < MIN_SD_VERSIONS) {
            return null;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double sd = Math.sqrt(squares / (n - 1));
        double slack = amount.doubleValue() * sd;
        return new Band(mean, slack);
    }

    /** What a value is compared with ({@code center}: the baseline value, or the mean) and how far it may be from it. */
    public record Band(double center, double slack) {

        public double low() {
            return center - slack;
        }

        public double high() {
            return center + slack;
        }

        /** Whether {@code value} is inside, bounds included: {@code |value - center| <= slack}. */
        public boolean holds(double value) {
            return !Double.isNaN(value) && Math.abs(value - center) <= slack;
        }
    }
}
