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
 * its summary: counts of zeros, negatives and infinities with the summary, and the aggregates
 * that need a value of the summary first: sums of powers centered on the mean, the count outside
 * the fences of the quartiles, the median absolute deviation. A check asks the latter as
 * {@link Chained} aggregates of its one scan; a profile in its second scan. Infinite values take
 * part as pandas has them (outliers; skewness and kurtosis become null).
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

    /** Sums of the powers 1 to 4 of the values minus {@code center} (compensated where the engine can). */
    static Aggregate<double[]> centeredSums(double center) {
        return Aggregates.of("moments:sums:" + center, Aggregate.Over.ROWS, (d, x) -> {
            String t = "(" + d.castDouble(x) + " - " + d.doubleLiteral(center) + ")";
            return d.struct(List.of(Map.entry("s1", d.compensatedSum(t)), Map.entry("s2", d.compensatedSum(t + " * " + t)),
                    Map.entry("s3", d.compensatedSum(t + " * " + t + " * " + t)),
                    Map.entry("s4", d.compensatedSum("(" + t + " * " + t + ") * (" + t + " * " + t + ")"))));
        }, raw -> {
            Map<?, ?> sums = (Map<?, ?>) raw;
            double[] read = new double[4];
            for (int k = 0; k < 4; k++) {
                Double sum = Aggregates.asDouble(sums.get("s" + (k + 1)));
                read[k] = sum == null ? 0.0 : sum;
            }
            return read;
        });
    }

    /**
     * The moments of a column for skewness and kurtosis: its count, mean (the profile's:
     * {@code exactNumbers} as {@link Aggregates#mean}) and largest absolute value, then sums
     * centered on that mean; null without values.
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
            if (!Moments.summable(center, top)) {
                return Refinement.done(Moments.undefined(n, top));
            }
            Aggregate<double[]> sums = centeredSums(center);
            return Refinement.then(Aggregates.of(sums.key(), sums.over(), sums::sql,
                    raw -> Refinement.done(new Moments(n, sums.read(raw), top))));
        });
    }

    /** Values beyond the fences. */
    static Aggregate<Long> beyond(Fences fences) {
        return Aggregates.of("outliers:" + fences, Aggregate.Over.ROWS,
                (d, x) -> "count(CASE WHEN " + fences.beyond(d, d.castDouble(x)) + " THEN 1 END)", Aggregates::asLong);
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
            Aggregate<Long> count = beyond(fences);
            return Refinement.then(Aggregates.of(count.key(), count.over(), count::sql,
                    raw -> Refinement.done(fences.counted(count.read(raw)))));
        });
    }

    /** The median absolute deviation: an exact median of |x - median|. */
    static Aggregate<List<Double>> mad(double median) {
        return Aggregates.quantilesOf("mad:" + median, List.of(0.5), (d, x) -> distance(d, x, median));
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
}
