package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Chained;
import dev.assay.dsl.scan.Refinement;
import java.util.List;
import java.util.Map;

/**
 * What a profile (and the checks that read the same numbers) asks of a column of numbers beyond
 * its summary: counts of zeros, negatives and infinities in the first scan, and the aggregates
 * that need a value of it first ({@link Chained}): sums of powers centered on the mean, counts
 * outside the fences of the quartiles, and the median absolute deviation with its outliers.
 * Infinite values take part as pandas has them (outliers; skewness and kurtosis become null).
 */
public final class NumberAggregates {

    /** The modified z-score above which a value is an outlier (Iglewicz and Hoaglin). */
    public static final double MODIFIED_Z = 3.5;
    /** The modified z-score's factor: 0.6745 |x - median| / MAD. */
    public static final double MAD_SCALE = 0.6745;

    private NumberAggregates() {
    }

    public static Aggregate<Long> zeros() {
        return counted("zeros", "= 0");
    }

    public static Aggregate<Long> negatives() {
        return counted("negatives", "< 0");
    }

    public static Aggregate<Long> infinite() {
        return Aggregates.of("infinite", Aggregate.Over.ROWS,
                (d, x) -> "count(CASE WHEN NOT " + d.isFinite(d.castDouble(x)) + " THEN 1 END)", Aggregates::asLong);
    }

    private static Aggregate<Long> counted(String key, String comparison) {
        return Aggregates.of(key, Aggregate.Over.ROWS, (d, x) -> "count(CASE WHEN " + x + " " + comparison + " THEN 1 END)",
                Aggregates::asLong);
    }

    /**
     * The count, the largest absolute value and sums of powers 1 to 4 of the values centered on
     * their mean (the profile's mean: {@code exactNumbers} as {@link Aggregates#mean}); null
     * without values.
     */
    public static Aggregate<Moments> moments(boolean exactNumbers) {
        Aggregate<Double> mean = Aggregates.mean(exactNumbers);
        Aggregate<Map<?, ?>> start = Aggregates.of("moments:start:" + mean.key(), Aggregate.Over.ROWS,
                (d, x) -> d.struct(List.of(Map.entry("n", "count(" + x + ")"), Map.entry("mean", mean.sql(d, x)),
                        Map.entry("top", "max(abs(" + d.castDouble(x) + "))"))), raw -> (Map<?, ?>) raw);
        return Chained.of("moments:" + mean.key(), start, (dialect, found) -> {
            long n = Aggregates.asLong(found.get("n"));
            if (n == 0) {
                return Refinement.done(null);
            }
            double center = Aggregates.asDouble(found.get("mean"));
            double top = Aggregates.asDouble(found.get("top"));
            if (!Double.isFinite(center) || !Double.isFinite(top)) {
                return Refinement.done(new Moments(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, top));
            }
            return Refinement.then(Aggregates.of("moments:sums:" + center, Aggregate.Over.ROWS,
                    (d, x) -> centeredSums(d, x, center), raw -> {
                        Map<?, ?> sums = (Map<?, ?>) raw;
                        return Refinement.done(new Moments(n, sum(sums, "s1"), sum(sums, "s2"), sum(sums, "s3"),
                                sum(sums, "s4"), top));
                    }));
        });
    }

    private static String centeredSums(SqlDialect d, String x, double center) {
        String t = "(" + d.castDouble(x) + " - " + d.doubleLiteral(center) + ")";
        return d.struct(List.of(Map.entry("s1", d.compensatedSum(t)), Map.entry("s2", d.compensatedSum(t + " * " + t)),
                Map.entry("s3", d.compensatedSum(t + " * " + t + " * " + t)),
                Map.entry("s4", d.compensatedSum("(" + t + " * " + t + ") * (" + t + " * " + t + ")"))));
    }

    private static double sum(Map<?, ?> sums, String name) {
        Double value = Aggregates.asDouble(sums.get(name));
        return value == null ? 0.0 : value;
    }

    /**
     * Values outside [Q1 - 1.5 IQR, Q3 + 1.5 IQR], the quartiles the profile's (linear, exact);
     * null without values.
     */
    public static Aggregate<Outliers> iqrOutliers() {
        return Chained.of("outliers:iqr", Aggregates.quantiles(ColumnStatistics.QUANTILES), (dialect, quantiles) -> {
            if (quantiles == null) {
                return Refinement.done(null);
            }
            Fences fences = Fences.iqr(quantiles.get(1), quantiles.get(3));
            return Refinement.then(beyond("outliers:iqr:" + fences, fences));
        });
    }

    /**
     * The median absolute deviation (an exact median of |x - median|) and the values whose
     * modified z-score 0.6745 |x - median| / MAD is above 3.5; with a MAD of 0 (more than half
     * the values equal) or not finite, the score is undefined: no outliers and no fences.
     * Null without values.
     */
    public static Aggregate<Deviation> madOutliers() {
        return Chained.of("outliers:mad", Aggregates.quantiles(ColumnStatistics.QUANTILES), (dialect, quantiles) -> {
            if (quantiles == null) {
                return Refinement.done(null);
            }
            double median = quantiles.get(2);
            if (!Double.isFinite(median)) {
                return Refinement.done(new Deviation(median, null, none()));
            }
            Aggregate<List<Double>> mad = Aggregates.quantilesOf("mad:" + median, List.of(0.5),
                    (d, x) -> distance(d, x, median));
            return Refinement.then(Chained.<List<Double>, Deviation>of("outliers:mad:" + median, mad, (d, found) -> {
                double deviation = found.get(0);
                if (!(deviation > 0) || !Double.isFinite(deviation)) {
                    return Refinement.done(new Deviation(median, deviation, none()));
                }
                Fences fences = Fences.modifiedZ(median, deviation);
                // The score as the rule is written, so that a value on the fence counts as Python counts it.
                return Refinement.then(Aggregates.of("outliers:mad:" + median + ":" + deviation, Aggregate.Over.ROWS,
                        (dd, x) -> "count(CASE WHEN " + aboveModifiedZ(dd, x, median, deviation) + " THEN 1 END)",
                        raw -> Refinement.done(new Deviation(median, deviation, fences.counted(Aggregates.asLong(raw))))));
            }).rounds(dialect));
        });
    }

    /** The count of values beyond {@code fences}, read as the rule's outliers. */
    private static Aggregate<Refinement<Outliers>> beyond(String key, Fences fences) {
        return Aggregates.of(key, Aggregate.Over.ROWS,
                (d, x) -> "count(CASE WHEN " + fences.beyond(d, d.castDouble(x)) + " THEN 1 END)",
                raw -> Refinement.done(fences.counted(Aggregates.asLong(raw))));
    }

    /** The SQL condition of an outlier of the modified z-score, written as the rule is. */
    static String aboveModifiedZ(SqlDialect d, String x, double median, double mad) {
        return d.doubleLiteral(MAD_SCALE) + " * " + distance(d, x, median) + " / " + d.doubleLiteral(mad) + " > "
                + d.doubleLiteral(MODIFIED_Z);
    }

    /** |x - median| as a DOUBLE. */
    static String distance(SqlDialect d, String x, double median) {
        return "abs(" + d.castDouble(x) + " - " + d.doubleLiteral(median) + ")";
    }

    private static Outliers none() {
        return new Outliers(0, null, null, List.of());
    }

    /** A column's median, its median absolute deviation (null when undefined) and its outliers by the modified z-score. */
    public record Deviation(double median, Double mad, Outliers outliers) {
    }
}
