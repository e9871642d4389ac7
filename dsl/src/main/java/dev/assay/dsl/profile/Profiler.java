package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Handle;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Computes the profile of a relation in two {@link AggregateScan scans} of its columns (each cut
 * into batches of columns, so the cost is linear in columns): one for every statistic, distinct
 * count and top value ({@link ColumnStatistics}), one for the histograms whose edges the first
 * gives and the numbers' second round ({@link NumberShape}: centered powers, IQR outliers, MAD);
 * then statements per batch of columns for the numbers' modified z-score outliers
 * ({@link OutlierScan}), phone numbers in text columns ({@link PhoneScan}) and the texts'
 * variants ({@link VariantScan}); and, only for columns whose statistics are all equal, the
 * comparisons confirming duplicate columns ({@link DuplicateColumns}). Only aggregates, a few
 * values per column, bin counts and the text values that may hold phone numbers reach Java.
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
        AggregateScan scan = new AggregateScan(engine, relation, ProfiledValue.INSTANCE);
        Handle<Long> rowCount = scan.rows();
        List<ColumnStatistics> statistics = new ArrayList<>();
        columns.forEach(c -> statistics.add(new ColumnStatistics(scan, c)));
        scan.run();
        long rows = rowCount.get();

        Map<Integer, Histogram> histograms = new LinkedHashMap<>();
        List<Binning> binnings = new ArrayList<>();
        List<Binning> lengthBinnings = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnStatistics s = statistics.get(i);
            Histogram perValue = Binnings.perValue(s.column, s.distinct(), s.ranked());
            if (perValue != null) {
                histograms.put(i, perValue);
            } else {
                Optional.ofNullable(s.valueBinning(i)).ifPresent(binnings::add);
            }
            Optional.ofNullable(Binnings.ofLengths(i, s.lengths())).ifPresent(lengthBinnings::add);
        }
        List<Binning> all = new ArrayList<>(binnings);
        all.addAll(lengthBinnings);
        Map<Binning, Histogram> binned = histograms(relation, columns, all, statistics);
        outliers(relation, statistics);
        binnings.forEach(b -> histograms.put(b.column(), binned.get(b)));
        Map<Integer, Histogram> lengthHistograms = new LinkedHashMap<>();
        lengthBinnings.forEach(b -> lengthHistograms.put(b.column(), binned.get(b)));

        Map<Integer, Long> phones = phones(relation, columns);
        Map<Integer, Variants> variants = variants(relation, columns);

        List<ColumnProfile> profiles = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            profiles.add(statistics.get(i).profile(rows, histograms.get(i), lengthHistograms.get(i), phones.get(i),
                    variants.get(i)));
        }
        List<ColumnPair> duplicateColumns = new DuplicateColumns(engine).find(relation, statistics);
        return new Profile(relation, rows, profiles, duplicateColumns, Findings.of(rows, profiles, duplicateColumns));
    }

    /** The modified z-score's outliers and both rules' examples, in one more statement per batch of the columns that may have some. */
    private void outliers(String relation, List<ColumnStatistics> statistics) {
        List<NumberShape> finding = statistics.stream().map(ColumnStatistics::numberShape)
                .filter(s -> s != null && s.outliersToFind() != null).toList();
        List<OutlierScan.Found> found = new OutlierScan(engine).find(relation,
                finding.stream().map(NumberShape::outliersToFind).toList());
        for (int i = 0; i < finding.size(); i++) {
            finding.get(i).found(found.get(i));
        }
    }

    /** Per text column (by index), its groups of values equal under {@code normalize}. */
    private Map<Integer, Variants> variants(String relation, List<Column> columns) {
        List<Integer> text = textColumns(columns);
        List<Variants> found = new VariantScan(engine).find(relation, text.stream().map(columns::get).toList());
        Map<Integer, Variants> variants = new LinkedHashMap<>();
        for (int j = 0; j < text.size(); j++) {
            variants.put(text.get(j), found.get(j));
        }
        return variants;
    }

    /** The indexes of the text columns. */
    private static List<Integer> textColumns(List<Column> columns) {
        List<Integer> text = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (ColumnKind.of(columns.get(i).type()) == ColumnKind.TEXT) {
                text.add(i);
            }
        }
        return text;
    }

    /** Per text column (by index), its values holding a phone number. */
    private Map<Integer, Long> phones(String relation, List<Column> columns) {
        List<Integer> text = textColumns(columns);
        long[] counts = new PhoneScan(engine, phoneRegions).countValues(relation, text.stream().map(columns::get).toList());
        Map<Integer, Long> phones = new LinkedHashMap<>();
        for (int j = 0; j < text.size(); j++) {
            phones.put(text.get(j), counts[j]);
        }
        return phones;
    }

    /**
     * The bin counts of every binning, in one scan of the binned columns, which also computes the
     * numbers' second round ({@link NumberShape}).
     */
    private Map<Binning, Histogram> histograms(String relation, List<Column> columns, List<Binning> binnings,
                                               List<ColumnStatistics> statistics) {
        Map<Binning, Histogram> histograms = new IdentityHashMap<>();
        AggregateScan scan = new AggregateScan(engine, relation, ProfiledValue.INSTANCE);
        statistics.forEach(s -> s.askSecondRound(scan));
        Map<Binning, Handle<long[]>> counts = new IdentityHashMap<>();
        binnings.forEach(b -> counts.put(b, scan.add(columns.get(b.column()), ProfileAggregates.binCounts(b))));
        if (scan.isEmpty()) {
            return histograms;
        }
        scan.run();
        for (Binning b : binnings) {
            List<Object> edges = new ArrayList<>();
            for (double e : b.edges()) {
                edges.add(b.temporal() ? timestamp(e) : (Object) e);
            }
            histograms.put(b, new Histogram(edges, Arrays.stream(counts.get(b).get()).boxed().toList(), b.values()));
        }
        return histograms;
    }

    /** "0.05", "0.25", "0.5" ...: the JSON's quantile keys, as Python prints the probabilities. */
    static String quantileKey(double probability) {
        return BigDecimal.valueOf(probability).stripTrailingZeros().toPlainString();
    }

    /** A time from microseconds since the epoch, rounded to the microsecond. */
    static LocalDateTime timestamp(double micros) {
        long whole = Math.round(micros);
        Instant instant = Instant.ofEpochSecond(Math.floorDiv(whole, 1_000_000L), Math.floorMod(whole, 1_000_000L) * 1000);
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
