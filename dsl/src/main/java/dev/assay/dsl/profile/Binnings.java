package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a profile bins each column once its statistics and ranked values are known: few-valued
 * numbers a bin per value (counted already), other numbers and times equal-width bins, the
 * string lengths of text a bin per length or equal-width bins; the last two are counted by
 * {@link ProfileAggregates#binCounts} in a second scan.
 */
final class Binnings {

    private Binnings() {
    }

    /**
     * One bin per value for a number column with few distinct values ({@link PerValueBins}),
     * counted from its ranked values (all of them are there); null for other columns, and when
     * a value is infinite (it has no neighbour to put an edge half-way to).
     */
    static Histogram perValue(Column column, long distinct, List<ValueCount> ranked) {
        if (ColumnKind.of(column.type()) != ColumnKind.NUMERIC || !PerValueBins.applies(distinct)
                || ranked.size() != distinct) {
            return null;
        }
        if (ranked.stream().anyMatch(v -> !Double.isFinite(((Number) v.value()).doubleValue()))) {
            return null; // checked before sorting: an infinity or NaN has no exact decimal to sort by
        }
        List<ValueCount> byValue = new ArrayList<>(ranked);
        // Sorted by exact decimal value: BIGINT and DECIMAL values beyond 2^53 stay apart.
        byValue.sort(Comparator.comparing(v -> new BigDecimal(v.value().toString())));
        double[] values = new double[byValue.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = ((Number) byValue.get(k).value()).doubleValue();
        }
        return new Histogram(Histogram.boxed(PerValueBins.edges(values)), byValue.stream().map(ValueCount::count).toList(),
                byValue.stream().map(ValueCount::value).toList());
    }

    /**
     * The bins of a text column's string lengths: one per length when the lengths span at most
     * {@link Histogram#MAX_BINS} values (edges half-way between whole numbers), else that many
     * equal bins over [shortest, longest].
     */
    static Binning ofLengths(int index, LengthStats stats) {
        if (stats == null) {
            return null;
        }
        long shortest = stats.min();
        long longest = stats.max();
        if (longest - shortest + 1 > Histogram.MAX_BINS) {
            return new Binning(index, Binning.Binned.LENGTH,
                    Histogram.edges(shortest, longest, Histogram.MAX_BINS), null);
        }
        int bins = (int) (longest - shortest + 1);
        double[] edges = new double[bins + 1];
        List<Object> lengths = new ArrayList<>();
        for (int k = 0; k <= bins; k++) {
            edges[k] = shortest + k - 0.5;
            if (k < bins) {
                lengths.add(shortest + k);
            }
        }
        return new Binning(index, Binning.Binned.LENGTH, edges, lengths);
    }

    /**
     * Bins over [min, max] (for times, in microseconds) for a number or time column with values;
     * none when the range is not finite.
     */
    static Binning ofValues(int index, Column column, double min, double max, long distinct) {
        ColumnKind kind = ColumnKind.of(column.type());
        if (distinct == 0 || (kind != ColumnKind.NUMERIC && kind != ColumnKind.TEMPORAL)) {
            return null;
        }
        boolean temporal = kind == ColumnKind.TEMPORAL;
        if (!Double.isFinite(max - min)) {
            return null; // numpy refuses infinite ranges too
        }
        int bins = (int) Math.min(Histogram.MAX_BINS, distinct);
        return new Binning(index, temporal ? Binning.Binned.EPOCH_MICROS : Binning.Binned.VALUE,
                Histogram.edges(min, max, bins), null);
    }
}
