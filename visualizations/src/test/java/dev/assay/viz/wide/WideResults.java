package dev.assay.viz.wide;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Distribution;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftKind;
import dev.assay.dsl.drift.DriftMethod;
import dev.assay.dsl.duplicates.DuplicateGroup;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Histogram;
import dev.assay.dsl.profile.LengthStats;
import dev.assay.dsl.profile.NumberIntegrity;
import dev.assay.dsl.profile.Outliers;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.TextIntegrity;
import dev.assay.dsl.profile.TokenCount;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.dsl.profile.WordStats;
import dev.assay.dsl.report.OutputRule;
import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.report.ReportPage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Results of a wide table built directly as records (no operation runs), for the tests of how
 * they render: column {@code cNNNNN} is a number when even, a short text when odd. What needs
 * attention sits at the END of the column order (the last {@link #NOTABLE} columns have
 * findings, drifted, changed or failed), so a renderer that keeps the table's order shows
 * none of it first. Missing shares vary with a seeded generator; none of the others reaches
 * the notable columns' share.
 *
 * <p>{@code main(OUT_FOLDER, COLUMNS...)} writes the report page of each width, for the
 * browser test (tests/jupyter/test_wide_results.py).
 */
public final class WideResults {

    /** How many columns (the last ones) need attention in each result. */
    public static final int NOTABLE = 7;
    public static final long ROWS = 10_000;

    private WideResults() {
    }

    public static String name(int i) {
        return String.format("c%05d", i);
    }

    /** The names of the columns that need attention, in column order. */
    public static List<String> notable(int columns) {
        List<String> names = new ArrayList<>();
        for (int i = columns - NOTABLE; i < columns; i++) {
            names.add(name(i));
        }
        return names;
    }

    private static boolean isNotable(int i, int columns) {
        return i >= columns - NOTABLE;
    }

    public static Profile profile(int columns) {
        Random random = new Random(21);
        List<ColumnProfile> profiles = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            // Ordinary columns miss under 40% of their values; the notable ones miss 60%, a finding.
            long missing = isNotable(i, columns) ? ROWS * 6 / 10 : (long) (random.nextDouble() * 0.4 * ROWS);
            profiles.add(i % 2 == 0 ? number(name(i), missing, random) : text(name(i), missing));
            if (isNotable(i, columns)) {
                findings.add(new Finding(name(i), "missing", "60.0% missing", ROWS * 6 / 10));
            }
        }
        return new Profile("wide", ROWS, profiles, List.of(), findings);
    }

    /** Every integrity field of a number filled, so that a wide profile shows them all in its size budget. */
    private static final NumberIntegrity NUMBERS = new NumberIntegrity(12, 3, 1, 1.75, 4.5,
            new Outliers(40, -2.5, 12.5, List.of(1e9, -1e9, 99.75, 98.5, 97.25)), 2.5, new Outliers(20, -5.0, 15.0,
            List.of(1e9, -1e9, 99.75, 98.5, 97.25)));
    private static final TextIntegrity TEXTS = new TextIntegrity(30, List.of(new TokenCount("n/a", 20), new TokenCount("", 10)),
            7, 5, List.of(List.of("Red", "red "), List.of("GREEN", "green"), List.of("Blue", "blue", "BLUE"), List.of("x", "X"),
            List.of("a very long variant of a colour name", "A very long variant of a colour name")), 4, 11);

    private static ColumnProfile number(String name, long missing, Random random) {
        List<Object> edges = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        for (int b = 0; b <= 20; b++) {
            edges.add(b * 0.5);
            if (b < 20) {
                counts.add((long) random.nextInt(1000));
            }
        }
        Map<String, Object> quantiles = new LinkedHashMap<>();
        quantiles.put("0.05", 0.5);
        quantiles.put("0.25", 2.5);
        quantiles.put("0.5", 5.0);
        quantiles.put("0.75", 7.5);
        quantiles.put("0.95", 9.5);
        return new ColumnProfile(name, "DOUBLE", ColumnKind.NUMERIC, ROWS - missing, missing, ROWS - missing, 0.0, 10.0,
                5.0, 2.9, quantiles, new Histogram(edges, counts), List.of(new ValueCount(1.25, 1)), null, null, null, null,
                NUMBERS, null);
    }

    private static ColumnProfile text(String name, long missing) {
        List<ValueCount> top = List.of(new ValueCount("red", 400), new ValueCount("green", 300), new ValueCount("blue", 200));
        Histogram lengths = new Histogram(List.of(2.5, 3.5, 4.5, 5.5), List.of(200L, 400L, 300L), List.of(3L, 4L, 5L));
        return new ColumnProfile(name, "VARCHAR", ColumnKind.TEXT, ROWS - missing, missing, 3, "blue", "red", null, null, null,
                null, top, new LengthStats(3, 3.9, 5), lengths, new WordStats(1, 1.0, 1),
                Map.of("email", 0L, "phone", 0L, "card", 0L, "ipv4", 0L), null, TEXTS);
    }

    public static Drift drift(int columns) {
        List<ColumnDrift> drifts = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            boolean drifted = isNotable(i, columns);
            double statistic = drifted ? 0.5 + 0.01 * i / columns : 0.01;
            List<Double> edges = List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0);
            List<Double> reference = List.of(0.2, 0.2, 0.2, 0.2, 0.2);
            List<Double> current = drifted ? List.of(0.6, 0.1, 0.1, 0.1, 0.1) : reference;
            drifts.add(new ColumnDrift(name(i), "DOUBLE", DriftKind.NUMERIC, DriftMethod.WASSERSTEIN, statistic, null, 0.1,
                    drifted, ROWS, ROWS, 0, 0, null, new Distribution(edges, null, null, false, reference, current)));
        }
        return new Drift("train", "test", ROWS, ROWS, drifts, List.of());
    }

    public static DatasetDiff diff(int columns) {
        List<DatasetDiff.ColumnMove> moves = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Object> example = new ArrayList<>();
        Map<String, Long> changes = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            names.add(name(i));
            example.add(i % 2 == 0 ? (Object) (double) i : "t" + i);
            DatasetDiff.Summary before = new DatasetDiff.Summary(ROWS, 0, 100, 1.0);
            DatasetDiff.Summary after = isNotable(i, columns) ? new DatasetDiff.Summary(ROWS - 50, 50, 90, 2.0) : before;
            moves.add(new DatasetDiff.ColumnMove(name(i), before, after));
            changes.put(name(i), isNotable(i, columns) ? 50L : 0L);
        }
        DatasetDiff.Keyed keyed = new DatasetDiff.Keyed(ROWS, 50, 0, 0, changes,
                List.of(new DatasetDiff.Change(List.of(1L), name(columns - 1), "t1", "t2")), List.of(), List.of());
        return new DatasetDiff("wide@1", "wide@2", List.of(name(0)), List.of(), List.of(), List.of(), ROWS, ROWS, names, 50, 50,
                List.of(example), List.of(example), keyed, moves);
    }

    /** A check of one rule per column, {@code missing(cNNNNN) < 50%}; the notable columns fail it. */
    public static CheckResult check(int columns) {
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            outcomes.add(RuleOutcome.measured(Measure.missing(name(i)).percent().lessThan(50), isNotable(i, columns) ? 60 : 10));
        }
        return new CheckResult("wide", outcomes);
    }

    /** Whole-row duplicates: one group, with every column's value. */
    public static Duplicates duplicates(int columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columns; i++) {
            values.put(name(i), i % 2 == 0 ? (Object) (double) i : "t" + i);
        }
        List<String> on = new ArrayList<>(values.keySet());
        return new Duplicates("wide", ROWS, on, false, 1, 1, List.of(new DuplicateGroup(2, 17, values)), null);
    }

    public static Leakage leakage(int columns) {
        Duplicates d = duplicates(columns);
        return new Leakage("wide", "other", d.on(), false, ROWS, ROWS, 1, 1, 1,
                List.of(new Leakage.SharedKey(d.largest().get(0).values(), 1, 1)), null, null, List.of());
    }

    public static QualityReport report(int columns, Path folder) {
        var comparison = new QualityReport.Comparison("other", leakage(columns), null, drift(columns));
        return new QualityReport("wide", profile(columns), duplicates(columns), null, comparison, List.of(),
                List.of(check(columns)), Instant.parse("2026-12-06T10:00:00Z"), null, new OutputRule(folder, folder.resolve(".assay")));
    }

    /** The first 20 rows of the table, as {@code show} previews it. */
    public static TablePreview preview(int columns) {
        List<Column> schema = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            schema.add(new Column(name(i), i % 2 == 0 ? "DOUBLE" : "VARCHAR"));
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            List<Object> row = new ArrayList<>();
            for (int i = 0; i < columns; i++) {
                row.add(i % 2 == 0 ? (Object) (r * 0.5 + i) : "t" + r);
            }
            rows.add(row);
        }
        return new TablePreview("wide", schema, rows, ROWS);
    }

    /** Writes {@code report-N.html} for each width N into the folder. */
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        Files.createDirectories(folder);
        for (int a = 1; a < args.length; a++) {
            int columns = Integer.parseInt(args[a]);
            Path page = folder.resolve("report-" + columns + ".html");
            Files.writeString(page, ReportPage.document(report(columns, folder)));
            System.out.println(page + " " + Files.size(page));
        }
    }
}
