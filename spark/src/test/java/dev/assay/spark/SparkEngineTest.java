package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.ArrowHandOver;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.functions.CDoubleFormat;
import dev.assay.dsl.functions.TextNormalizer;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.engine.QueryCancelledException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's own contract on a real Spark Connect server: relations, types, Arrow both ways, order. */
class SparkEngineTest {

    private static SqlEngine spark;
    private static SqlEngine duck;

    @BeforeAll
    static void open() {
        spark = new SparkEngineProvider().open(LocalConnectServer.location(), EngineSettings.fromEnvironment());
        duck = new DuckDbEngineProvider().open(EngineSettings.fromEnvironment());
    }

    @AfterAll
    static void close() {
        spark.close();
        duck.close();
    }

    private static final String ROWS = "SELECT * FROM VALUES (3, 'c', 1.5D, DATE '2024-01-02'), (1, 'a', NULL, NULL), "
            + "(2, NULL, -0.25D, DATE '1969-12-31') AS t(id, name, score, day)";

    @Test
    void aBoundQueryIsADatasetWithLogicalTypesAndNoOrdinalShown() {
        TablePreview shown = spark.run(ROWS, "t", 2).orElseThrow();
        assertEquals(3, shown.totalRows());
        assertEquals(List.of(new Column("id", "INTEGER"), new Column("name", "VARCHAR"), new Column("score", "DOUBLE"),
                new Column("day", "DATE")), spark.schema("t"));
        assertEquals(2, shown.rows().size());
        assertEquals(List.of(3, "c", 1.5, LocalDate.of(2024, 1, 2)), shown.rows().get(0));
        assertTrue(spark.relations().contains("t"));
        assertFalse(spark.isView("t"));
    }

    @Test
    void rowsKeepTheirOrderThroughArrowAndBackIntoDuckDb() throws Exception {
        spark.run(ROWS, "ordered", 0);
        duck.createTable("from_spark", allocator -> ArrowHandOver.of(spark.arrowBatches("ordered", 2), allocator));
        List<List<Object>> back = duck.smallResult("SELECT id, name, score, day FROM from_spark ORDER BY rowid");
        assertEquals(List.of(3, 1, 2), back.stream().map(r -> r.get(0)).toList());
        assertEquals(Arrays.asList(3, "c", 1.5, LocalDate.of(2024, 1, 2)), back.get(0));
        assertEquals(List.of(new Column("id", "INTEGER"), new Column("name", "VARCHAR"), new Column("score", "DOUBLE"),
                new Column("day", "DATE")), duck.schema("from_spark"));

        spark.createTable("from_duck", allocator -> duck.arrowBatches("from_spark", 1)); // Spark copies the rows out in Java
        assertEquals(spark.schema("ordered"), spark.schema("from_duck"));
        List<Object> ids = new ArrayList<>();
        try (ArrowReader reader = spark.arrowBatches("from_duck", 10)) {
            while (reader.loadNextBatch()) {
                for (int i = 0; i < reader.getVectorSchemaRoot().getRowCount(); i++) {
                    ids.add(reader.getVectorSchemaRoot().getVector("id").getObject(i));
                }
            }
        }
        assertEquals(List.of(3, 1, 2), ids);
    }

    @Test
    void renamingReplacesAndScratchTablesAreNotDatasets() {
        spark.materialize("__assay_scratch_1", "SELECT 1 AS x");
        assertFalse(spark.relations().contains("__assay_scratch_1"));
        spark.materialize("renamed_from", "SELECT 2 AS x");
        spark.materialize("renamed_to", "SELECT 'old' AS y");
        spark.renameAllReplacing(Map.of("renamed_from", "renamed_to"));
        assertEquals(List.of(new Column("x", "INTEGER")), spark.schema("renamed_to"));
        assertFalse(spark.relations().contains("renamed_from"));
        spark.dropScratch("__assay_scratch_1");
    }

    @Test
    void assaysJavaFunctionsRunOnTheServer() {
        // Spark's own format_string gives Java's 0.10000000000000000; C (and DuckDB) print ...001.
        List<List<Object>> rows = spark.smallResult("SELECT " + SparkFunctions.G17 + "(0.1D), " + SparkFunctions.NORMALIZE
                + "('  İSTANBUL, Straße!  '), " + SparkFunctions.LOWER + "('ΟΔΟΣ')");
        assertEquals(List.of(CDoubleFormat.g17(0.1), TextNormalizer.normalize("  İSTANBUL, Straße!  "),
                TextNormalizer.lower("ΟΔΟΣ")), rows.get(0));
        assertEquals("0.10000000000000001", rows.get(0).get(0));
    }

    @Test
    void aCancelStopsTheRunningQueryAndTheNextCellRunsAgain() throws Exception {
        CompletableFuture<Object> running = CompletableFuture.supplyAsync(() ->
                spark.smallResult("SELECT sum(CAST(id AS DOUBLE)) FROM range(0, 100000000000, 1, 2)"));
        Thread.sleep(3000);
        spark.cancel();
        try {
            ExecutionException e = assertThrows(ExecutionException.class, () -> running.get(60, TimeUnit.SECONDS));
            assertTrue(e.getCause() instanceof QueryCancelledException, String.valueOf(e.getCause()));
            assertThrows(QueryCancelledException.class, () -> spark.smallResult("SELECT 1"));
        } finally {
            spark.resetCancel();
        }
        assertEquals(List.of(List.of(1)), spark.smallResult("SELECT 1"));
    }

    @Test
    void badSqlIsASqlExceptionNamingTheProblem() {
        SqlException e = assertThrows(SqlException.class, () -> spark.run("SELECT * FROM no_such_table", "x", 1));
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertFalse(spark.relations().contains("x"));
    }

    @Test
    void aRenameSetWithAMissingSourceChangesNothing() {
        spark.materialize("split_part_a", "SELECT 1 AS a");
        spark.materialize("split_kept_a", "SELECT 'old a' AS kept");
        spark.materialize("split_kept_b", "SELECT 'old b' AS kept");
        long idBefore = spark.relationId("split_kept_a").orElseThrow();
        Map<String, String> renames = new java.util.LinkedHashMap<>();
        renames.put("split_part_a", "split_kept_a"); // would succeed on its own, and comes first
        renames.put("split_part_missing", "split_kept_b");
        assertThrows(SqlException.class, () -> spark.renameAllReplacing(renames));
        assertEquals(List.of(List.of("old a")), spark.smallResult("SELECT kept FROM split_kept_a"));
        assertEquals(List.of(List.of("old b")), spark.smallResult("SELECT kept FROM split_kept_b"));
        assertEquals(List.of(List.of(1)), spark.smallResult("SELECT a FROM split_part_a"));
        assertEquals(idBefore, spark.relationId("split_kept_a").orElseThrow());
        assertTrue(spark.relations().containsAll(List.of("split_part_a", "split_kept_a", "split_kept_b")));
    }

    @Test
    void relationsAreTheCatalogsIncludingViewsOfTheUsersOwnSql() {
        spark.materialize("listed_made", "SELECT 1 AS x");
        spark.run("CREATE OR REPLACE TEMP VIEW listed_by_user AS SELECT 2 AS y", null, 0);
        assertTrue(spark.relations().containsAll(List.of("listed_made", "listed_by_user")), spark.relations().toString());
        assertFalse(spark.isView("listed_made"));
        assertTrue(spark.isView("listed_by_user"));
        long userView = spark.relationId("listed_by_user").orElseThrow();
        spark.run("CREATE OR REPLACE TEMP VIEW listed_by_user AS SELECT 3 AS y", null, 0);
        assertTrue(spark.relationId("listed_by_user").orElseThrow() != userView, "a command may have changed the view");
        assertEquals(catalog(), spark.relations());

        spark.renameAllReplacing(Map.of("listed_made", "listed_renamed"));
        spark.run("DROP VIEW listed_by_user", null, 0);
        spark.dropScratch("listed_renamed");
        assertFalse(spark.relations().contains("listed_by_user"));
        assertFalse(spark.relations().contains("listed_renamed"));
        assertTrue(spark.relationId("listed_by_user").isEmpty());
        assertEquals(catalog(), spark.relations());
    }

    /** What the catalog itself lists, without the operations' scratch tables. */
    private static List<String> catalog() {
        return spark.run("SHOW TABLES", null, Integer.MAX_VALUE).orElseThrow().rows().stream()
                .map(row -> (String) row.get(1)).filter(name -> !name.startsWith(SqlEngine.WORK_PREFIX)).sorted().toList();
    }
}
