package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.result.JsonValue;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One suite, two engines: the same Parquet inputs and the same statements on DuckDB and on a
 * Spark Connect server, and the JSON of every result compared (counts, hashes, fingerprints,
 * membership and quantiles exactly; floating-point statistics to 1e-12 relative).
 */
class EngineConformanceTest {

    private static final Path DATA = Path.of(System.getenv().getOrDefault("ASSAY_SHARED", "../../shared"), "data");
    /** The inputs, as Parquet files both engines read: name and how DuckDB reads the original. */
    /**
     * Text integrity problems planted: null-like tokens in several spellings, numbers in text,
     * variants under normalize, white space at the edges (a no-break space too) and a column
     * that repeats another one; integers that repeat each other too.
     */
    private static final String TEXT_PROBLEMS = "(SELECT range AS id, CASE range % 10 WHEN 0 THEN 'NA' WHEN 1 THEN ' n/a'"
            + " WHEN 2 THEN '' WHEN 3 THEN 'Yes' WHEN 4 THEN 'yes ' WHEN 5 THEN 'YES!' WHEN 6 THEN CAST(range AS VARCHAR)"
            + " WHEN 7 THEN ' 1.5e3 ' WHEN 8 THEN 'null' ELSE 'No' END AS answer, CASE range % 10 WHEN 0 THEN 'NA'"
            + " WHEN 1 THEN ' n/a' WHEN 2 THEN '' WHEN 3 THEN 'Yes' WHEN 4 THEN 'yes ' WHEN 5 THEN 'YES!'"
            + " WHEN 6 THEN CAST(range AS VARCHAR) WHEN 7 THEN ' 1.5e3 ' WHEN 8 THEN 'null' ELSE 'No' END AS answer_again,"
            + " chr(160) || 'Élan ' || (range % 5) AS spaced, CASE WHEN range % 7 = 0 THEN NULL ELSE range % 4 END AS a,"
            + " CASE WHEN range % 7 = 0 THEN NULL ELSE range % 4 END AS b, (range + 1) % 4 AS c FROM range(300))";

    private static final Map<String, String> INPUTS = Map.of(
            "titanic", "read_csv('" + DATA.resolve("titanic.csv") + "')",
            "taxis", "read_csv('" + DATA.resolve("taxis.csv") + "')",
            "penguins", "read_csv('" + DATA.resolve("penguins.csv") + "')",
            "sms", "read_csv('" + DATA.resolve("sms_spam.tsv") + "', delim = '\t', quote = '', header = true)",
            "texts", TEXT_PROBLEMS);

    private static Path directory;
    private static Workspace duckdb;
    private static Workspace spark;

    @BeforeAll
    static void open() throws IOException {
        directory = Files.createTempDirectory("assay-conformance-");
        EngineSettings settings = EngineSettings.fromEnvironment();
        SqlEngine duck = new DuckDbEngineProvider().open(settings);
        for (Map.Entry<String, String> input : INPUTS.entrySet()) {
            duck.run("COPY (SELECT * FROM " + input.getValue() + ") TO '" + directory.resolve(input.getKey() + ".parquet")
                    + "' (FORMAT parquet)", null, 0);
        }
        duckdb = new Workspace(duck, directory);
        spark = new Workspace(new SparkEngineProvider().open(LocalConnectServer.location(), settings), directory);
        for (Workspace workspace : List.of(duckdb, spark)) {
            workspace.useStore("store");
            for (String name : INPUTS.keySet()) {
                String parquet = workspace.engine().dialect().readParquet(directory.resolve(name + ".parquet").toString());
                workspace.query("SELECT * FROM " + parquet, name);
            }
        }
    }

    @AfterAll
    static void close() {
        if (spark != null) {
            spark.close();
        }
        if (duckdb != null) {
            duckdb.close();
        }
    }

    static Stream<Arguments> scripts() {
        return Stream.of(
                Arguments.of("profile of mixed types with missing values", "profile titanic"),
                Arguments.of("profile of timestamps", "profile taxis"),
                Arguments.of("profile of numbers and categories", "profile penguins"),
                Arguments.of("profile of texts: null-like, numbers in text, variants, edge spaces, duplicate columns",
                        "profile texts\nprofile sms\ncheck texts: null_like(answer) = 120, null_like(spaced) < 1%"),
                Arguments.of("exact duplicates", "duplicates titanic"),
                Arguments.of("normalized duplicates", "duplicates sms on SMS normalize"),
                Arguments.of("near duplicates", "duplicates sms on SMS near 0.8"),
                Arguments.of("dedup", "clean = dedup titanic\nshow clean limit 50"),
                Arguments.of("label conflicts", "labels titanic on survived by sex, pclass, embarked\n"
                        + "c = conflicts titanic on survived by sex, pclass, embarked\nshow c limit 1000"),
                Arguments.of("label conflicts, normalized and near", "labels sms on Label by SMS normalize\n"
                        + "labels sms on Label by SMS near 0.8\nc = conflicts sms on Label by SMS near 0.8\nshow c limit 1000"),
                Arguments.of("hash split", "a, b = split titanic 70/30 seed 3\nshow a limit 1000"),
                Arguments.of("stratified split", "a, b = split penguins 80/20 stratify species seed 1\nshow a limit 1000"),
                Arguments.of("time split", "a, b = split taxis 80/20 order by pickup\nshow b limit 2000"),
                Arguments.of("exact hash split", "a, b, c = split titanic 70/20/10 exact seed 3\nshow c limit 1000"),
                Arguments.of("group split", "a, b = split taxis 70/30 group pickup_zone seed 2\nshow b limit 3000"),
                Arguments.of("diff of two datasets", "a, b = split penguins 50/50 seed 9\ndiff a b"),
                Arguments.of("leakage", "a, b = split sms 50/50 seed 2\nleakage a, b on SMS normalize"),
                Arguments.of("drift, every method", "a, b = split taxis 50/50 seed 4\n"
                        + "drift a vs b using psi\ndrift a vs b on distance, fare, tip, pickup using ks\n"
                        + "drift a vs b using js\ndrift a vs b on distance, fare, tip, pickup using wasserstein\n"
                        + "drift a vs b on color, payment, pickup_borough using chi2\ndrift a vs b using hellinger\n"
                        + "drift a vs b on color using z\ndrift a vs b"),
                Arguments.of("check", "check titanic: rows > 100, missing(age) < 30%, duplicates(embark_town, who) > 10, "
                        + "distinct(embark_town) = 3, mean(fare) > 10, max(age) <= 80, pii(who) = 0"),
                Arguments.of("checks of numbers", "check titanic: outliers(fare) > 0, outliers(fare) < 20%, "
                        + "skewness(fare) > 2, skewness(age) < 1\ncheck taxis: outliers(distance) >= 0, skewness(tip) > 0"),
                Arguments.of("suggested checks, with a holdout, and unexpected values",
                        "suggest check for penguins\na, b = split titanic 70/30 seed 3\nsuggest check for a vs b\n"
                        + "check titanic: unexpected(embarked, 'S', 'C') >= 0, unexpected(embark_town, 'Queenstown') < 100%, "
                        + "unexpected(who, 'it\\'s', 'man') >= 0"),
                Arguments.of("sample", "s = sample penguins 30% seed 5\nshow s limit 1000"),
                Arguments.of("labels, classes and vs", "a, b = split penguins 50/50 seed 9\nlabels a on species vs b\n"
                        + "labels a on sex vs b\nlabels titanic on pclass"),
                Arguments.of("labels: associations of numbers, text, booleans and times",
                        "labels titanic on survived\nlabels taxis on payment"),
                Arguments.of("label checks", "s = sample titanic 8 seed 3\ncheck titanic: imbalance(survived) > 1, "
                        + "minority(pclass) < 50%, minority(survived) > 0.3, imbalance(embark_town) > 1, "
                        + "minority(sex) > 0, conflicts(survived) >= 0, conflicts(pclass) >= 0%, new_labels(who, s) = 0, "
                        + "association(sex, survived) > 0.1, association(fare, survived) >= 0\n"
                        + "check s: new_labels(pclass, titanic) >= 0, new_labels(embark_town, titanic) >= 0, "
                        + "imbalance(pclass) >= 1\ncheck penguins: imbalance(species) < 3, minority(sex) > 0.4"),
                Arguments.of("correlations, every method", "correlations titanic\ncorrelations taxis\n"
                        + "correlations penguins using pearson\ncorrelations titanic using spearman\n"
                        + "correlations titanic using cramer\n"
                        + "correlations penguins on species, bill_length_mm, island, body_mass_g, sex using eta"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void sameResultsOnBothEngines(String title, String script) {
        assertSameResults(title, script, duckdb, spark);
    }

    /** Runs the script on both workspaces and fails naming every difference of their results' JSON. */
    static void assertSameResults(String title, String script, Workspace duckdb, Workspace spark) {
        List<Object> expected = run(duckdb, "duckdb", script);
        List<Object> actual = run(spark, "spark", script);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            List<String> differences = JsonComparison.differences(json(expected.get(i)), json(actual.get(i)));
            assertTrue(differences.isEmpty(), title + ", statement " + (i + 1) + " differs:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    @Test
    void aVersionPinnedOnOneEngineLoadsAndVerifiesOnTheOther() {
        Map<String, Object> fromDuck = json(run(duckdb, "pin titanic as 'conformance-duck'").get(0));
        Map<String, Object> fromSpark = json(run(spark, "pin titanic as 'conformance-spark'").get(0));
        assertEquals(fromDuck.get("fingerprint"), fromSpark.get("fingerprint"), "the same rows pin to one fingerprint");

        List<String> loaded = JsonComparison.differences(json(run(duckdb, "x = load pin 'conformance-spark'\nshow x limit 900").get(1)),
                json(run(spark, "x = load pin 'conformance-duck'\nshow x limit 900").get(1)));
        assertTrue(loaded.isEmpty(), String.join("\n", loaded));
    }

    @Test
    void aPinKeepsTheSameMetricsOnBothEngines() throws IOException {
        for (String name : List.of("titanic", "taxis", "penguins", "texts")) {
            Map<String, Object> duck = keptMetrics(duckdb, "metrics-duck", name);
            Map<String, Object> fromSpark = keptMetrics(spark, "metrics-spark", name);
            List<String> differences = JsonComparison.differences(duck, fromSpark);
            assertTrue(differences.isEmpty(), name + ": the kept metrics differ:\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
        }
    }

    /** The metrics file a pin of {@code name} keeps in a store of its own (so neither engine reuses the other's). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> keptMetrics(Workspace workspace, String store, String name) throws IOException {
        workspace.useStore(store);
        try {
            Map<String, Object> pinned = json(run(workspace, "pin " + name + " as '" + name + "'").get(0));
            Path file = workspace.store().metricsFile(new Fingerprint((String) pinned.get("fingerprint")));
            return new ObjectMapper().readValue(Files.readAllBytes(file), Map.class);
        } finally {
            workspace.useStore("store");
        }
    }

    /**
     * A label of four versions (two halves of titanic, a sample, the sample with fare shifted):
     * the same history on both engines, the shifted fare drifted.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aHistoryIsTheSameOnBothEngines() {
        List<Map<String, Object>> histories = assertSameHistories(duckdb, spark, workspace -> {
            run(workspace, "c = sample titanic 40% seed 2");
            workspace.query("SELECT survived, pclass, sex, age, sibsp, parch, fare * 3 + 50 AS fare, embarked, class, who, "
                    + "adult_male, deck, embark_town, alive, alone FROM c", "shifted");
        }, "a, b = split titanic 50/50 seed 5\npin a as 'h'\npin b as 'h'\npin c as 'h'\npin shifted as 'h'\n"
                + "history 'h'\nhistory 'h' on fare, sex", 2);
        for (Map<String, Object> history : histories) {
            List<Map<String, Object>> versions = (List<Map<String, Object>>) history.get("versions");
            assertEquals(4, versions.size());
            assertTrue(((List<String>) ((Map<String, Object>) versions.get(3).get("drift_from_previous")).get("drifted"))
                    .contains("fare"), "the shifted fare drifts: " + versions.get(3));
        }
    }

    /**
     * Runs {@code prepare} and then {@code script} (whose last {@code histories} statements are
     * {@code history}) on each engine, each in a store of its own so that each engine computes
     * the kept metrics itself, and fails naming every difference of the histories' JSON but the
     * times of pinning; returns DuckDB's histories.
     */
    static List<Map<String, Object>> assertSameHistories(Workspace duckdb, Workspace spark, Consumer<Workspace> prepare,
                                                         String script, int histories) {
        List<List<Object>> results = new ArrayList<>();
        for (Workspace workspace : List.of(duckdb, spark)) {
            String engine = workspace == duckdb ? "duckdb" : "spark";
            workspace.useStore("history-" + engine);
            try {
                prepare.accept(workspace);
                results.add(run(workspace, engine, script));
            } finally {
                workspace.useStore("store");
            }
        }
        List<Map<String, Object>> fromDuckDb = new ArrayList<>();
        int count = results.get(0).size();
        for (int i = count - histories; i < count; i++) {
            Map<String, Object> expected = json(results.get(0).get(i));
            List<String> differences = JsonComparison.differences(withoutCreated(expected),
                    withoutCreated(json(results.get(1).get(i))));
            assertTrue(differences.isEmpty(), "statement " + (i + 1) + ", history differs:\n  " + String.join("\n  ",
                    differences.subList(0, Math.min(20, differences.size()))));
            fromDuckDb.add(expected);
        }
        return fromDuckDb;
    }

    /** The history JSON without the times of pinning, which differ between two pins. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutCreated(Map<String, Object> history) {
        Map<String, Object> copy = new LinkedHashMap<>(history);
        copy.put("versions", ((List<Map<String, Object>>) history.get("versions")).stream().map(v -> {
            Map<String, Object> version = new LinkedHashMap<>(v);
            version.remove("created");
            return version;
        }).toList());
        return copy;
    }

    /**
     * Issue 26: a label pinned on each engine (in a store of its own, so each computes its
     * metrics), then the same check against it: every value, baseline, allowed range, drift
     * share and freshness (a fixed clock) equal on both.
     */
    @Test
    void aCheckAgainstABaselineGivesTheSameResultOnBothEngines() {
        String rules = "check now against 'base': rows within 10%, mean(fare) within 5%, missing(tip)% within 50%, "
                + "distinct(payment) within 0%, max(distance) within 20%, outliers(fare) within 50%, skewness(tip) within 50%, "
                + "mean(fare) within 3 sd, rows within 2 sd, schema unchanged, drift < 50%, freshness(pickup) <= 30 days";
        List<Map<String, Object>> results = new ArrayList<>();
        for (Workspace workspace : List.of(duckdb, spark)) {
            workspace.useStore("store-baseline-" + (workspace == duckdb ? "duckdb" : "spark"));
            workspace.useClock(java.time.Clock.fixed(java.time.Instant.parse("2019-04-03T00:00:00Z"), java.time.ZoneOffset.UTC));
            try {
                run(workspace, "v1 = sample taxis 60% seed 1\npin v1 as 'base'\nv2 = sample taxis 70% seed 2\n"
                        + "pin v2 as 'base'\nv3 = sample taxis 65% seed 3\npin v3 as 'base'\nnow = sample taxis 50% seed 4");
                dev.assay.dsl.statements.CheckStatement check = (dev.assay.dsl.statements.CheckStatement) Parser.parse(rules).get(0);
                results.add(workspace.dataset("now").evaluate(dev.assay.dsl.baseline.Baseline.of(check.against()), check.rules())
                        .toJson());
            } finally {
                workspace.useStore("store");
                workspace.useClock(java.time.Clock.systemUTC());
            }
        }
        List<String> differences = JsonComparison.differences(results.get(0), results.get(1));
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertEquals(List.of(1, 2, 3), ((Map<?, ?>) results.get(0).get("baseline")).get("versions"));
    }

    private static List<Object> run(Workspace workspace, String script) {
        return run(workspace, workspace == duckdb ? "duckdb" : "spark", script);
    }

    private static List<Object> run(Workspace workspace, String engine, String script) {
        Interpreter interpreter = new Interpreter(workspace);
        List<Object> results = new ArrayList<>();
        for (Statement statement : Parser.parse(script)) {
            try {
                results.add(interpreter.run(statement));
            } catch (RuntimeException e) {
                fail("on " + engine + ": " + statement + ": " + e.getMessage(), e);
            }
        }
        return results;
    }

    /** A result's JSON, as the notebook and {@code assay run} show it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Object result) {
        try {
            Method toJson = result.getClass().getMethod("toJson");
            return (Map<String, Object>) toJson.invoke(result);
        } catch (ReflectiveOperationException e) {
            if (result instanceof TablePreview preview) {
                return Map.of("columns", preview.columns().stream().map(c -> c.name() + " " + c.type()).toList(),
                        "rows", preview.rows().stream().map(r -> r.stream().map(JsonValue::of).toList()).toList(),
                        "total", preview.totalRows());
            }
            throw new AssertionError(result.getClass() + " has no JSON", e);
        }
    }
}
