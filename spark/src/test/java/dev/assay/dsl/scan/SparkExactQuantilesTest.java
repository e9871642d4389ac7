package dev.assay.dsl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.spark.SparkEngineProvider;
import dev.assay.spark.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exact quantiles on Spark in distributed rounds (sketch, then brackets) equal DuckDB's
 * quantile_cont, computed in the same run on the same Parquet file, on the awkward columns:
 * heavy ties, a constant, one and two values, infinities, signed zeros, NaN and NULL, times.
 */
class SparkExactQuantilesTest {

    private static final List<Double> P = List.of(0.0, 0.05, 0.25, 0.5, 0.75, 0.95, 1.0);
    /** NaN is missing, as the profile reads columns. */
    private static final ColumnValue NAN_MISSING = (d, column, quoted) -> column.type().equals("DOUBLE")
            ? "CASE WHEN " + d.isNan(quoted) + " THEN NULL ELSE " + quoted + " END" : quoted;

    private static SqlEngine spark;
    private static SqlEngine duck;
    private static List<Column> columns;

    @BeforeAll
    static void open() throws IOException {
        Path parquet = Files.createTempDirectory("assay-quantiles-").resolve("awkward.parquet");
        duck = new DuckDbEngineProvider().open(EngineSettings.fromEnvironment());
        duck.run("COPY (SELECT "
                + "CASE WHEN i % 10 = 0 THEN CAST((i * 7919) % 1000 AS DOUBLE) / 7 ELSE 0.0 END AS ties, "
                + "CAST(5.25 AS DOUBLE) AS constant, "
                + "CASE WHEN i = 17 THEN CAST(3.5 AS DOUBLE) END AS one, "
                + "CASE WHEN i = 3 THEN CAST(-1.0 AS DOUBLE) WHEN i = 9 THEN CAST(2.0 AS DOUBLE) END AS two, "
                + "CASE WHEN i % 1000 = 1 THEN CAST('Infinity' AS DOUBLE) WHEN i % 1000 = 2 THEN CAST('-Infinity' AS DOUBLE) "
                + "ELSE sin(i) END AS infinite, "
                + "CASE WHEN i % 3 = 0 THEN CAST('-0.0' AS DOUBLE) WHEN i % 3 = 1 THEN CAST(0.0 AS DOUBLE) ELSE CAST(i AS DOUBLE) END AS zeros, "
                + "CASE WHEN i % 7 = 0 THEN CAST('NaN' AS DOUBLE) WHEN i % 11 = 0 THEN NULL ELSE sin(i * 1.7) * 1e6 END AS spread, "
                + "CAST(i % 997 AS BIGINT) AS whole, "
                + "make_timestamp(CAST(1600000000000000 + (i * 7919 % 20011) * 3600000017 AS BIGINT)) AS ts "
                + "FROM range(20000) t(i)) TO '" + parquet + "' (FORMAT parquet)", null, 0);
        duck.run("SELECT * FROM " + duck.dialect().readParquet(parquet.toString()), "awkward", 0);
        spark = new SparkEngineProvider().open(TestServer.location(), EngineSettings.fromEnvironment());
        // Several partitions, so that sketches and counts are merged across tasks.
        spark.run("SELECT /*+ REPARTITION(4) */ * FROM " + spark.dialect().readParquet(parquet.toString()), "awkward", 0);
        columns = spark.schema("awkward").stream().filter(c -> !c.name().startsWith("__")).toList();
    }

    @AfterAll
    static void close() {
        spark.close();
        duck.close();
    }

    @Test
    void roundsOnSparkGiveDuckDbsQuantilesOnAwkwardColumns() {
        assertFalse(spark.dialect().exactQuantilesInOneAggregate());
        Map<String, List<Double>> onSpark = quantiles(spark);
        Map<String, List<Double>> onDuck = quantiles(duck);
        assertEqualQuantiles(onDuck, onSpark);
        assertTrue(onSpark.get("infinite").contains(Double.POSITIVE_INFINITY), onSpark.toString());
        assertEquals(Double.valueOf(0.0), onSpark.get("ties").get(3), "the median of a column of 90% zeros");
    }

    @Test
    void aBracketThatMissesFallsBackToWiderBracketsThenTheOneTaskQuantile() {
        int accuracy = ExactQuantiles.accuracy;
        double delta = ExactQuantiles.delta;
        try {
            // A sketch of accuracy 10 and brackets of no width miss nearly every rank.
            ExactQuantiles.accuracy = 10;
            ExactQuantiles.delta = 0;
            List<String> statements = new ArrayList<>();
            assertEqualQuantiles(quantiles(duck), quantiles(recording(statements)));
            assertTrue(statements.stream().anyMatch(sql -> sql.contains("percentile(")), "the last resort ran");
            // Narrow brackets that the wider retry can reach.
            ExactQuantiles.accuracy = 50;
            ExactQuantiles.delta = 0.002;
            assertEqualQuantiles(quantiles(duck), quantiles(spark));
        } finally {
            ExactQuantiles.accuracy = accuracy;
            ExactQuantiles.delta = delta;
        }
    }

    @Test
    void theBracketPicksRanksAndInterpolatesAsQuantileCont() {
        // Ranks 0..2 below, 3..4 at lo = 1.0, 5..6 between, 7..8 at hi = 4.0.
        ExactQuantiles.Bracket bracket = new ExactQuantiles.Bracket(1.0, 4.0, 3, 2, 9, new double[] {2.0, 3.0});
        assertEquals(null, bracket.at(2));
        assertEquals(1.0, bracket.at(4));
        assertEquals(3.0, bracket.at(6));
        assertEquals(4.0, bracket.at(8));
        assertEquals(null, bracket.at(9));
        // n = 11, p = 0.55: h = 5.5 between ranks 5 (2.0) and 6 (3.0).
        double d = (double) 10 * 0.55 - 5;
        assertEquals(2.0 * (1 - d) + 3.0 * d, ExactQuantiles.interpolated(bracket, 11, 0.55));
        assertEquals(null, ExactQuantiles.interpolated(bracket, 11, 0.1));
    }

    /** Spark, recording the statements of scans. */
    @SuppressWarnings("unchecked")
    private static SqlEngine recording(List<String> statements) {
        return (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("smallResults")) {
                        statements.addAll((List<String>) args[0]);
                    }
                    try {
                        return method.invoke(spark, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Map<String, List<Double>> quantiles(SqlEngine engine) {
        return quantiles(engine, "awkward", columns);
    }

    /** Quantiles of every column of the table through a scan on the engine. */
    private static Map<String, List<Double>> quantiles(SqlEngine engine, String relation, List<Column> columns) {
        AggregateScan scan = new AggregateScan(engine, relation, NAN_MISSING);
        Map<String, Handle<List<Double>>> handles = new LinkedHashMap<>();
        BiFunction<SqlDialect, String, String> micros = (d, x) -> d.castDouble(d.epochMicros(x));
        for (Column column : columns) {
            handles.put(column.name(), scan.add(column, column.type().startsWith("TIMESTAMP")
                    ? Aggregates.quantilesOf("micros", P, micros) : Aggregates.quantiles(P)));
        }
        scan.run();
        Map<String, List<Double>> found = new LinkedHashMap<>();
        handles.forEach((name, handle) -> found.put(name, handle.get()));
        return found;
    }

    /** Equal as numbers: -0.0 and 0.0 are one value to both engines' comparisons, so either may come back. */
    private static void assertEqualQuantiles(Map<String, List<Double>> expected, Map<String, List<Double>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        List<String> differ = new ArrayList<>();
        expected.forEach((name, values) -> {
            List<Double> other = actual.get(name);
            boolean same = values == null ? other == null : other != null && values.size() == other.size();
            for (int i = 0; same && values != null && i < values.size(); i++) {
                double a = values.get(i);
                double b = other.get(i);
                same = a == b || Double.isNaN(a) && Double.isNaN(b);
            }
            if (!same) {
                differ.add(name + ": duckdb " + values + ", spark " + other);
            }
        });
        assertTrue(differ.isEmpty(), String.join("\n", differ));
    }
}
