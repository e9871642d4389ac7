package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the profile of a relation in three queries (see {@link ProfileQueries}), and a fourth
 * for phone numbers in text columns ({@link PhoneScan}); only the aggregates, at most ten values
 * per column, the bin counts and the text values that may hold phone numbers reach Java.
 */
public final class Profiler {

    private final SqlEngine engine;
    private final PhoneRegions phoneRegions;

    /** A profiler that looks for phone numbers of the {@link PhoneRegions#defaults() default regions}. */
    public Profiler(SqlEngine engine) {
        this(engine, PhoneRegions.defaults());
    }

    public Profiler(SqlEngine engine, PhoneRegions phoneRegions) {
        this.engine = engine;
        this.phoneRegions = phoneRegions;
    }

    /** The profile of {@code columns} (names and engine types, as {@link SqlEngine#schema}) of {@code relation}. */
    public Profile profile(String relation, List<Column> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("nothing to profile: no columns given");
        }
        ProfileQueries queries = new ProfileQueries(engine.dialect(), relation, columns);
        ProfileQueries.Statistics statistics = queries.statistics();
        List<Object> stats = engine.smallResult(statistics.sql()).get(0);
        long rows = ((Number) stats.get(0)).longValue();

        long[] distinct = new long[columns.size()];
        List<List<ValueCount>> ranked = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ranked.add(new ArrayList<>());
        }
        for (List<Object> row : engine.smallResult(queries.valueCounts())) {
            int column = ((Number) row.get(0)).intValue();
            distinct[column] = ((Number) row.get(1)).longValue();
            ranked.get(column).add(new ValueCount(row.get(3 + column), ((Number) row.get(2)).longValue()));
        }

        Map<Integer, Histogram> histograms = new LinkedHashMap<>();
        List<ProfileQueries.Binning> binnings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ProfileQueries.Slots slots = statistics.slots().get(i);
            Histogram perValue = Binnings.perValue(columns.get(i), distinct[i], ranked.get(i));
            if (perValue != null) {
                histograms.put(i, perValue);
            } else {
                ProfileQueries.Binning b = Binnings.ofValues(i, columns.get(i), slots, stats, distinct[i]);
                if (b != null) {
                    binnings.add(b);
                }
            }
        }
        List<ProfileQueries.Binning> lengthBinnings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ProfileQueries.Binning b = Binnings.ofLengths(i, statistics.slots().get(i), stats);
            if (b != null) {
                lengthBinnings.add(b);
            }
        }
        List<ProfileQueries.Binning> all = new ArrayList<>(binnings);
        all.addAll(lengthBinnings);
        Map<ProfileQueries.Binning, Histogram> binned = histograms(queries, all);
        binnings.forEach(b -> histograms.put(b.column(), binned.get(b)));
        Map<Integer, Histogram> lengthHistograms = new LinkedHashMap<>();
        lengthBinnings.forEach(b -> lengthHistograms.put(b.column(), binned.get(b)));

        Map<Integer, Long> phones = phones(relation, columns);

        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            List<ValueCount> top = ranked.get(i).subList(0, Math.min(ProfileQueries.TOP_VALUES, ranked.get(i).size()));
            profiles.add(column(columns.get(i), statistics.slots().get(i), stats, rows, distinct[i], top,
                    histograms.get(i), lengthHistograms.get(i), phones.get(i)));
        }
        return new Profile(relation, rows, profiles, Findings.of(rows, profiles));
    }

    /** Per text column (by index), its values holding a phone number. */
    private Map<Integer, Long> phones(String relation, List<Column> columns) {
        List<Integer> text = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (ColumnKind.of(columns.get(i).type()) == ColumnKind.TEXT) {
                text.add(i);
            }
        }
        long[] counts = new PhoneScan(engine, phoneRegions)
                .count(relation, text.stream().map(columns::get).toList(), null).values();
        Map<Integer, Long> phones = new LinkedHashMap<>();
        for (int j = 0; j < text.size(); j++) {
            phones.put(text.get(j), counts[j]);
        }
        return phones;
    }

    private Map<ProfileQueries.Binning, Histogram> histograms(ProfileQueries queries, List<ProfileQueries.Binning> binnings) {
        Map<ProfileQueries.Binning, Histogram> histograms = new java.util.IdentityHashMap<>();
        if (binnings.isEmpty()) {
            return histograms;
        }
        List<Object> row = engine.smallResult(queries.histograms(binnings)).get(0);
        for (int j = 0; j < binnings.size(); j++) {
            ProfileQueries.Binning b = binnings.get(j);
            long[] counts = new long[b.bins()];
            for (Object entry : (List<?>) row.get(j)) {
                Map<?, ?> pair = (Map<?, ?>) entry;
                counts[((Number) pair.get("key")).intValue()] = ((Number) pair.get("value")).longValue();
            }
            List<Object> edges = new ArrayList<>();
            for (double e : b.edges()) {
                edges.add(b.temporal() ? timestamp(e) : (Object) e);
            }
            histograms.put(b, new Histogram(edges, java.util.Arrays.stream(counts).boxed().toList(), b.values()));
        }
        return histograms;
    }

    private static ColumnProfile column(Column column, ProfileQueries.Slots slots, List<Object> stats, long rows,
                                        long distinct, List<ValueCount> top, Histogram histogram,
                                        Histogram lengthHistogram, Long phones) {
        ColumnKind kind = ColumnKind.of(column.type());
        long count = ((Number) stats.get(slots.count())).longValue();
        Object min = slots.min() >= 0 ? stats.get(slots.min()) : null;
        Object max = slots.max() >= 0 ? stats.get(slots.max()) : null;
        Object mean = null;
        Double std = null;
        Map<String, Object> quantiles = null;
        if (slots.quantiles() >= 0 && count > 0) {
            boolean temporal = kind == ColumnKind.TEMPORAL;
            mean = temporal ? timestamp(((Number) stats.get(slots.mean())).doubleValue()) : stats.get(slots.mean());
            std = slots.std() >= 0 && stats.get(slots.std()) != null ? ((Number) stats.get(slots.std())).doubleValue() : null;
            quantiles = new LinkedHashMap<>();
            List<?> values = (List<?>) stats.get(slots.quantiles());
            for (int q = 0; q < ProfileQueries.QUANTILES.size(); q++) {
                double v = ((Number) values.get(q)).doubleValue();
                quantiles.put(quantileKey(ProfileQueries.QUANTILES.get(q)), temporal ? timestamp(v) : v);
            }
        }
        LengthStats length = null;
        WordStats words = null;
        Map<String, Long> pii = null;
        if (kind == ColumnKind.TEXT) {
            if (count > 0) {
                length = new LengthStats(((Number) stats.get(slots.lengthMin())).longValue(),
                        ((Number) stats.get(slots.lengthMean())).doubleValue(),
                        ((Number) stats.get(slots.lengthMax())).longValue());
                words = new WordStats(((Number) stats.get(slots.wordsMin())).longValue(),
                        ((Number) stats.get(slots.wordsMean())).doubleValue(),
                        ((Number) stats.get(slots.wordsMax())).longValue());
            }
            pii = new LinkedHashMap<>();
            for (PiiPattern p : PiiPattern.values()) {
                pii.put(p.key(), p.inSql() ? ((Number) stats.get(slots.pii().get(p))).longValue() : phones);
            }
        }
        return new ColumnProfile(column.name(), column.type(), kind, count, rows - count, distinct, min, max, mean, std,
                quantiles, histogram, top, length, lengthHistogram, words, pii);
    }

    /** "0.05", "0.25", "0.5" ...: the keys of DESIGN.md, as Python prints the probabilities. */
    static String quantileKey(double probability) {
        return java.math.BigDecimal.valueOf(probability).stripTrailingZeros().toPlainString();
    }

    /** A time from microseconds since the epoch, rounded to the microsecond. */
    static LocalDateTime timestamp(double micros) {
        long whole = Math.round(micros);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(whole, 1_000_000L), Math.floorMod(whole, 1_000_000L) * 1000);
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
