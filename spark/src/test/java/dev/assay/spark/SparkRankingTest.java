package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.profile.PiiCount;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkRanking} on rows spread over several partitions gives exactly DuckDB's window
 * results (row_number, running sums, lead) in the same run: ties in the first key, NULLs,
 * texts and keys of several columns.
 */
class SparkRankingTest {

    private static final int ROWS = 3000;
    private static SqlEngine spark;
    private static SqlEngine duck;

    @BeforeAll
    static void open() {
        spark = new SparkEngineProvider().open(LocalConnectServer.location(), EngineSettings.fromEnvironment());
        duck = new DuckDbEngineProvider().open(EngineSettings.fromEnvironment());
        // small data would be coalesced into one partition: keep the sort's 8, so ranks cross partitions
        spark.smallResult("SET spark.sql.adaptive.coalescePartitions.enabled=false");
        duck.materialize("rows", "SELECT CAST(i AS BIGINT) AS id, CAST(i % 7 AS BIGINT) AS g, "
                + "CASE WHEN i % 11 = 0 THEN NULL ELSE 'text ' || CAST(i % 13 AS VARCHAR) END AS t, "
                + "CAST(i % 5 AS BIGINT) AS c, CAST((i * 7919) % 1000 AS BIGINT) AS scrambled FROM range(" + ROWS + ") AS r(i)");
        spark.createTable("rows", allocator -> duck.arrowBatches("rows", 500));
    }

    @AfterAll
    static void close() {
        spark.close();
        duck.close();
    }

    @Test
    void theSortedRowsSpanSeveralPartitionsAndTheOrdinalFollowsTheOrder() {
        spark.materialize("sorted", "SELECT * FROM rows ORDER BY scrambled, id");
        long partitions = ((Number) spark.smallResult("SELECT count(DISTINCT shiftright(" + SparkDialect.ROW_ORDINAL
                + ", 33)) FROM sorted").get(0).get(0)).longValue();
        assertTrue(partitions >= 4, "partitions: " + partitions);
        List<List<Object>> outOfOrder = spark.smallResult("SELECT count(*) FROM (SELECT scrambled, id, lag(scrambled) OVER ("
                + "ORDER BY " + SparkDialect.ROW_ORDINAL + ") AS ps, lag(id) OVER (ORDER BY " + SparkDialect.ROW_ORDINAL
                + ") AS pid FROM sorted) WHERE ps > scrambled OR (ps = scrambled AND pid > id)");
        assertEquals(0L, ((Number) outOfOrder.get(0).get(0)).longValue());
        spark.dropScratch("sorted");
    }

    @Test
    void ranksOfATextKeyWithTiesAndNullsEqualDuckDbs() {
        sameOnBoth("SELECT id, t FROM rows", Ranking.rank("t ASC NULLS LAST, id", "k"), "k, id, t");
    }

    @Test
    void ranksOfASeveralColumnKeyEqualDuckDbs() {
        sameOnBoth("SELECT id, g, scrambled FROM rows", Ranking.rank("g DESC, scrambled, id", "k"), "k, id");
    }

    @Test
    void runningSumsAndNextValuesEqualDuckDbs() {
        Ranking ranking = new Ranking("g, scrambled, id", "k", List.of("c", "id"), List.of("g", "t"));
        sameOnBoth("SELECT id, g, scrambled, c, t FROM rows", ranking,
                "k, id, CAST(running_c AS BIGINT), CAST(running_id AS BIGINT), next_g, next_t");
    }

    @Test
    void nextValuesWithoutARankColumn() {
        sameOnBoth("SELECT g, scrambled, c FROM rows WHERE id % 3 = 0",
                new Ranking("g, scrambled", null, List.of("c"), List.of("scrambled")),
                "g, scrambled, CAST(running_c AS BIGINT), next_scrambled");
    }

    @Test
    void ranksWithinGroupsOfATextWithNullsEqualDuckDbs() {
        sameOnBoth("SELECT id, t, scrambled FROM rows", Ranking.rankWithin(List.of("t"), "scrambled, id", "k", "n"), "k, n, id, t");
    }

    @Test
    void ranksWithinGroupsOfTwoColumnsEqualDuckDbs() {
        sameOnBoth("SELECT id, g, t, c FROM rows", Ranking.rankWithin(List.of("g", "t"), "c DESC, id", "k", "n"), "k, n, id");
    }

    @Test
    void theSameRanksOnEveryRun() {
        Ranking ranking = Ranking.rank("scrambled, id", "k");
        List<List<Object>> first = ranked(spark, "SELECT id, scrambled FROM rows", ranking, "k, id");
        assertEquals(first, ranked(spark, "SELECT id, scrambled FROM rows", ranking, "k, id"));
    }

    @Test
    void piiRowsOfAViewWithPhoneNumbersEqualDuckDbs() {
        String texts = "SELECT CASE WHEN id % 4 = 0 THEN 'call +1 650-253-' || CAST(1000 + id AS VARCHAR) "
                + "WHEN id % 4 = 1 THEN 'ring 020 7946 ' || CAST(1000 + id AS VARCHAR) WHEN id % 4 = 2 THEN 'order ' "
                + "|| CAST(id AS VARCHAR) ELSE 'mail x' || CAST(id % 9 AS VARCHAR) || '@example.com' END AS note FROM rows";
        duck.materialize("notes", texts);
        spark.run("CREATE OR REPLACE TEMP VIEW notes_view AS SELECT note FROM (" + texts.replace("CAST(1000 + id AS VARCHAR)",
                "CAST(1000 + id AS STRING)").replace("AS VARCHAR", "AS STRING") + ")", null, 0);
        assertTrue(spark.isView("notes_view"), "a view: rows numbered by SqlDialect.scanPosition");
        List<Column> note = List.of(new Column("note", "VARCHAR"));
        long expected = PiiCount.rowsWithPii(duck, "notes", note);
        assertTrue(expected > ROWS / 4, "phones and e-mails found: " + expected);
        assertEquals(expected, PiiCount.rowsWithPii(spark, "notes_view", note));
    }

    private static void sameOnBoth(String query, Ranking ranking, String columns) {
        List<List<Object>> expected = ranked(duck, query, ranking, columns);
        assertTrue(expected.size() > 500);
        List<List<Object>> actual = ranked(spark, query, ranking, columns);
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), "row " + i);
        }
    }

    /** The columns of the ranked rows, in a order both engines give alike (the full key). */
    private static List<List<Object>> ranked(SqlEngine engine, String query, Ranking ranking, String columns) {
        try (RankedRows rows = engine.ranked(query, ranking)) {
            return engine.smallResult("SELECT " + columns + " FROM " + rows.relation() + " ORDER BY " + ranking.orderBy());
        }
    }
}
