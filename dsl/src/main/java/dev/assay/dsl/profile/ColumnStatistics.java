package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a profile asks the scan of one column, by kind, and the column's statistics read back
 * (typed, by name) once it ran. Handles of what a kind does not have stay null.
 */
final class ColumnStatistics {

    static final List<Double> QUANTILES = List.of(0.05, 0.25, 0.5, 0.75, 0.95);
    static final int TOP_VALUES = 10;

    final Column column;
    final ColumnKind kind;
    private final Handle<Long> count;
    private final Handle<Long> distinct;
    private final Handle<List<ValueCount>> ranked;
    private Handle<Object> min;
    private Handle<Object> max;
    private Handle<Double> mean;
    private Handle<Double> std;
    private Handle<List<Double>> quantiles;
    private Handle<Double> minMicros;
    private Handle<Double> maxMicros;
    private Handle<Long> shortest;
    private Handle<Double> meanLength;
    private Handle<Long> longest;
    private Handle<Long> fewestWords;
    private Handle<Double> meanWords;
    private Handle<Long> mostWords;
    private final Map<PiiPattern, Handle<Long>> pii = new EnumMap<>(PiiPattern.class);
    private NumberShape shape;
    private final Handle<Long> fingerprint;
    private final Map<NullLikeToken, Handle<Long>> nullLike = new LinkedHashMap<>();
    private Handle<Long> numericLike;
    private Handle<Long> edgeSpaces;

    ColumnStatistics(AggregateScan scan, Column column) {
        this.column = column;
        this.kind = ColumnKind.of(column.type());
        count = scan.add(column, Aggregates.count());
        distinct = scan.add(column, Aggregates.distinct());
        ranked = scan.add(column, ProfileAggregates.top(ranked(kind)));
        fingerprint = scan.add(column, DuplicateColumns.fingerprint());
        switch (kind) {
            case NUMERIC -> {
                min = scan.add(column, Aggregates.min());
                max = scan.add(column, Aggregates.max());
                mean = scan.add(column, Aggregates.mean(ColumnKind.isExactNumber(column.type())));
                std = scan.add(column, Aggregates.std());
                quantiles = scan.add(column, Aggregates.quantiles(QUANTILES));
                shape = new NumberShape(scan, column);
            }
            case TEMPORAL -> {
                min = scan.add(column, Aggregates.min());
                max = scan.add(column, Aggregates.max());
                mean = scan.add(column, ProfileAggregates.meanMicros());
                quantiles = scan.add(column, ProfileAggregates.quantilesMicros(QUANTILES));
                minMicros = scan.add(column, ProfileAggregates.minMicros());
                maxMicros = scan.add(column, ProfileAggregates.maxMicros());
            }
            case TEXT -> {
                min = scan.add(column, ProfileAggregates.smallestValue());
                max = scan.add(column, ProfileAggregates.largestValue());
                shortest = scan.add(column, ProfileAggregates.shortest());
                meanLength = scan.add(column, ProfileAggregates.meanLength());
                longest = scan.add(column, ProfileAggregates.longest());
                fewestWords = scan.add(column, ProfileAggregates.fewestWords());
                meanWords = scan.add(column, ProfileAggregates.meanWords());
                mostWords = scan.add(column, ProfileAggregates.mostWords());
                for (PiiPattern p : PiiPattern.values()) {
                    if (p.inSql()) {
                        pii.put(p, scan.add(column, ProfileAggregates.rowsWith(p)));
                    }
                }
                for (NullLikeToken token : NullLikeToken.ALL) {
                    nullLike.put(token, scan.add(column, TextAggregates.rowsWith(token)));
                }
                numericLike = scan.add(column, TextAggregates.numericLike());
                edgeSpaces = scan.add(column, TextAggregates.edgeSpaces());
            }
            case BOOLEAN -> {
                min = scan.add(column, Aggregates.min());
                max = scan.add(column, Aggregates.max());
            }
            case OTHER -> {
                // counted and ranked by their text only
            }
        }
    }

    /**
     * How many of a column's most frequent values are fetched: the top values, and for numbers
     * enough to hold every value of a column binned per value ({@link PerValueBins}).
     */
    static int ranked(ColumnKind kind) {
        return kind == ColumnKind.NUMERIC ? Math.max(TOP_VALUES, PerValueBins.MAX_DISTINCT) : TOP_VALUES;
    }

    long count() {
        return count.get();
    }

    long distinct() {
        return distinct.get();
    }

    List<ValueCount> ranked() {
        return ranked.get();
    }

    /** The smallest value, where the kind has one (null otherwise, or without values). */
    Object smallest() {
        return min == null ? null : min.get();
    }

    Object largest() {
        return max == null ? null : max.get();
    }

    /** {@link DuplicateColumns#fingerprint()} of the column. */
    long fingerprint() {
        return fingerprint.get();
    }

    /** Bins over the values' range, when the column is binned by value (numbers, times). */
    Binning valueBinning(int index) {
        if (kind == ColumnKind.NUMERIC && count() > 0) {
            return Binnings.ofValues(index, column, ((Number) min.get()).doubleValue(), ((Number) max.get()).doubleValue(),
                    distinct());
        }
        if (kind == ColumnKind.TEMPORAL && count() > 0) {
            return Binnings.ofValues(index, column, minMicros.get(), maxMicros.get(), distinct());
        }
        return null;
    }

    LengthStats lengths() {
        return kind == ColumnKind.TEXT && count() > 0 ? new LengthStats(shortest.get(), meanLength.get(), longest.get()) : null;
    }

    /** The integrity of a column of numbers over the profile's later rounds; null for other kinds. */
    NumberShape numberShape() {
        return shape;
    }

    /** Asks the profile's second scan what a column of numbers needs of this one's summary. */
    void askSecondRound(AggregateScan second) {
        if (shape != null) {
            shape.askSecond(second, count(), count() == 0 ? Double.NaN : mean.get(), (Number) min.get(), (Number) max.get(),
                    quantiles.get());
        }
    }

    /** What the profile finds wrong in a column of numbers; null for other kinds. */
    private NumberIntegrity numbers() {
        return shape == null ? null : shape.integrity();
    }

    /** What the profile finds wrong in a column of texts, with its variants found apart; null for other kinds. */
    private TextIntegrity texts(Variants variants) {
        if (kind != ColumnKind.TEXT) {
            return null;
        }
        long total = 0;
        List<TokenCount> tokens = new ArrayList<>();
        for (Map.Entry<NullLikeToken, Handle<Long>> token : nullLike.entrySet()) {
            long n = token.getValue().get();
            if (n > 0) {
                tokens.add(new TokenCount(token.getKey().token(), n));
                total += n;
            }
        }
        tokens.sort(Comparator.comparingLong(TokenCount::count).reversed().thenComparing(TokenCount::token));
        return new TextIntegrity(total, tokens, numericLike.get(), variants.groups(), variants.examples(), edgeSpaces.get(),
                variants.rows());
    }

    /** The column's profile, with the histograms, phone count and variants found by the later scans. */
    ColumnProfile profile(long rows, Histogram histogram, Histogram lengthHistogram, Long phones, Variants variants) {
        long values = count();
        Object mean = null;
        Double std = null;
        Map<String, Object> quantiles = null;
        if (this.quantiles != null && values > 0) {
            boolean temporal = kind == ColumnKind.TEMPORAL;
            mean = temporal ? Profiler.timestamp(this.mean.get()) : this.mean.get();
            std = this.std == null ? null : this.std.get();
            quantiles = new LinkedHashMap<>();
            List<Double> q = this.quantiles.get();
            for (int i = 0; i < QUANTILES.size(); i++) {
                quantiles.put(Profiler.quantileKey(QUANTILES.get(i)), temporal ? Profiler.timestamp(q.get(i)) : (Object) q.get(i));
            }
        }
        WordStats words = null;
        Map<String, Long> found = null;
        if (kind == ColumnKind.TEXT) {
            if (values > 0) {
                words = new WordStats(fewestWords.get(), meanWords.get(), mostWords.get());
            }
            found = new LinkedHashMap<>();
            for (PiiPattern p : PiiPattern.values()) {
                found.put(p.key(), p.inSql() ? pii.get(p).get() : phones);
            }
        }
        List<ValueCount> top = ranked().subList(0, Math.min(TOP_VALUES, ranked().size()));
        return new ColumnProfile(column.name(), column.type(), kind, values, rows - values, distinct(),
                min == null ? null : min.get(), max == null ? null : max.get(), mean, std, quantiles, histogram, top,
                lengths(), lengthHistogram, words, found, numbers(), texts(variants));
    }
}
