package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/**
 * The integrity of one column of numbers over the profile's rounds: counts of zeros, negatives
 * and infinities in the first scan; in the second, what needs the first's mean, quartiles and
 * median (sums of powers centered on the mean, the count beyond the IQR fences, the MAD); then
 * the modified z-score's count and both rules' examples ({@link OutlierScan}).
 */
final class NumberShape {

    private final Column column;
    private final Handle<Long> zeros;
    private final Handle<Long> negatives;
    private final Handle<Long> infinite;
    private long values;
    private double maxAbs;
    private double median;
    private Fences iqrFences;
    private Handle<double[]> sums;
    private Handle<Long> iqrCount;
    private Handle<List<Double>> mad;
    private OutlierScan.Found found;

    NumberShape(AggregateScan first, Column column) {
        this.column = column;
        zeros = first.add(column, NumberAggregates.zeros());
        negatives = first.add(column, NumberAggregates.negatives());
        infinite = first.add(column, NumberAggregates.infinite());
    }

    /** Asks the second scan what needs the first scan's summary; nothing for a column without values. */
    void askSecond(AggregateScan second, long count, double mean, Number min, Number max, List<Double> quantiles) {
        values = count;
        if (count == 0) {
            return;
        }
        maxAbs = Math.max(Math.abs(min.doubleValue()), Math.abs(max.doubleValue()));
        if (Moments.summable(mean, maxAbs)) {
            sums = second.add(column, NumberAggregates.centeredSums(mean));
        }
        iqrFences = Fences.iqr(quantiles.get(1), quantiles.get(3));
        iqrCount = second.add(column, NumberAggregates.beyond(iqrFences));
        median = quantiles.get(2);
        if (Double.isFinite(median)) {
            mad = second.add(column, NumberAggregates.mad(median));
        }
    }

    /** The MAD; null without values or with an infinite median. */
    private Double mad() {
        return mad == null ? null : mad.get().get(0);
    }

    /**
     * What {@link OutlierScan} is asked of this column: null when neither rule can find an
     * outlier (none beyond the IQR fences, and a MAD that is 0 or not finite: no score).
     */
    OutlierScan.Asked outliersToFind() {
        if (values == 0) {
            return null;
        }
        Double deviation = mad();
        boolean byIqr = iqrCount.get() > 0;
        boolean byMad = deviation != null && deviation > 0 && Double.isFinite(deviation);
        return byIqr || byMad ? new OutlierScan.Asked(column, median, byIqr ? iqrFences : null, byMad ? deviation : null)
                : null;
    }

    void found(OutlierScan.Found outliers) {
        found = outliers;
    }

    NumberIntegrity integrity() {
        Outliers none = new Outliers(0, null, null, List.of());
        if (values == 0) {
            return new NumberIntegrity(zeros.get(), negatives.get(), infinite.get(), null, null, none, null, none);
        }
        Moments moments = sums == null ? Moments.undefined(values, maxAbs) : new Moments(values, sums.get(), maxAbs);
        OutlierScan.Found f = found == null ? new OutlierScan.Found(0, List.of(), List.of()) : found;
        Outliers iqr = iqrFences.counted(iqrCount.get()).withExamples(f.iqrExamples());
        Double deviation = mad();
        Outliers byMad = deviation != null && deviation > 0 && Double.isFinite(deviation)
                ? Fences.modifiedZ(median, deviation).counted(f.madCount()).withExamples(f.madExamples()) : none;
        return new NumberIntegrity(zeros.get(), negatives.get(), infinite.get(), moments.skewness(), moments.kurtosis(),
                iqr, deviation, byMad);
    }
}
