package dev.assay.dsl.profile;

import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The aggregates only a profile asks for. What text columns need (their extremes, lengths, words
 * and personal data) is computed over distinct values weighted by their counts: a column of a
 * few labels costs a few regular expressions instead of one per row, and the grouping is made
 * anyway for the distinct count and top values.
 */
final class ProfileAggregates {

    private ProfileAggregates() {
    }

    /** The {@code limit} most frequent values, ties by value, missing values left out (as pandas' value_counts). */
    static Aggregate<List<ValueCount>> top(int limit) {
        return Aggregates.mostFrequent(limit, ProfileAggregates::valueCounts);
    }

    static Aggregate<Object> smallestValue() {
        return Aggregates.of("values:min", Aggregate.Over.VALUES, (d, v) -> "min(" + v + ")", raw -> raw);
    }

    static Aggregate<Object> largestValue() {
        return Aggregates.of("values:max", Aggregate.Over.VALUES, (d, v) -> "max(" + v + ")", raw -> raw);
    }

    static Aggregate<Long> shortest() {
        return Aggregates.of("length:min", Aggregate.Over.VALUES, (d, v) -> "min(" + d.charLength(v) + ")", ProfileAggregates::orNull);
    }

    static Aggregate<Long> longest() {
        return Aggregates.of("length:max", Aggregate.Over.VALUES, (d, v) -> "max(" + d.charLength(v) + ")", ProfileAggregates::orNull);
    }

    static Aggregate<Double> meanLength() {
        return Aggregates.of("length:mean", Aggregate.Over.VALUES, (d, v) -> weightedMean(d.charLength(v)), Aggregates::asDouble);
    }

    static Aggregate<Long> fewestWords() {
        return Aggregates.of("words:min", Aggregate.Over.VALUES, (d, v) -> "min(" + d.wordCount(v) + ")", ProfileAggregates::orNull);
    }

    static Aggregate<Long> mostWords() {
        return Aggregates.of("words:max", Aggregate.Over.VALUES, (d, v) -> "max(" + d.wordCount(v) + ")", ProfileAggregates::orNull);
    }

    static Aggregate<Double> meanWords() {
        return Aggregates.of("words:mean", Aggregate.Over.VALUES, (d, v) -> weightedMean(d.wordCount(v)), Aggregates::asDouble);
    }

    /** Rows whose value holds data of this kind (decided in SQL). */
    static Aggregate<Long> rowsWith(PiiPattern pattern) {
        return Aggregates.of("pii:" + pattern.key(), Aggregate.Over.VALUES,
                (d, v) -> "sum(" + Aggregate.COUNT + ") FILTER (WHERE " + pattern.condition(d, v) + ")", Aggregates::asLong);
    }

    /** Times as microseconds since the epoch, where numbers are needed (mean, quantiles, bin edges). */
    static Aggregate<Double> minMicros() {
        return Aggregates.of("micros:min", Aggregate.Over.ROWS, (d, x) -> d.castDouble("min(" + d.epochMicros(x) + ")"),
                Aggregates::asDouble);
    }

    static Aggregate<Double> maxMicros() {
        return Aggregates.of("micros:max", Aggregate.Over.ROWS, (d, x) -> d.castDouble("max(" + d.epochMicros(x) + ")"),
                Aggregates::asDouble);
    }

    static Aggregate<Double> meanMicros() {
        return Aggregates.of("micros:mean", Aggregate.Over.ROWS, (d, x) -> d.exactMean(d.epochMicros(x)),
                Aggregates::asDouble);
    }

    static Aggregate<List<Double>> quantilesMicros(List<Double> probabilities) {
        return Aggregates.quantilesOf("micros:quantiles:" + probabilities, probabilities,
                (d, x) -> d.castDouble(d.epochMicros(x)));
    }

    /**
     * The count per bin of a binning, as numpy's histogram counts: the index from arithmetic,
     * corrected by one against the exact edges, so that a value on an edge falls where numpy puts it.
     */
    static Aggregate<long[]> binCounts(Binning binning) {
        return new BinCounts(binning);
    }

    /** The mean of a per-value number over the rows: each distinct value weighs its count. */
    private static String weightedMean(String perValue) {
        return "CAST(sum(" + perValue + " * " + Aggregate.COUNT + ") AS DOUBLE) / sum(" + Aggregate.COUNT + ")";
    }

    private static Long orNull(Object raw) {
        return raw == null ? null : ((Number) raw).longValue();
    }

    private static List<ValueCount> valueCounts(Object raw) {
        List<ValueCount> values = new ArrayList<>();
        if (raw != null) {
            for (Object entry : (List<?>) raw) {
                Map<?, ?> pair = (Map<?, ?>) entry;
                values.add(new ValueCount(pair.get("v"), ((Number) pair.get("n")).longValue()));
            }
        }
        return values;
    }
}
