package dev.assay.dsl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.diff.Differ;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many statements operations make, counted through {@link CountingEngine}, so that a later
 * change cannot silently multiply the passes over the data: a profile is two scans (statistics,
 * then histograms with the numbers' second round), a statement for the numbers' outliers, a phone-number pass and a pass for the variants of its text columns (plus
 * comparisons of columns only when two could be duplicates); a check of many column rules is one scan; a wide
 * table takes batches of columns, a number growing linearly with its columns; a drift is a
 * few statements per batch of columns, whatever the methods.
 */
class ScanCountTest {

    @TempDir
    Path dir;
    private CountingEngine counting;
    private Workspace ws;

    @BeforeEach
    void open() {
        counting = new CountingEngine(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.parse("1GB")));
        ws = new Workspace(counting.engine(), dir);
        ws.sql("""
                CREATE TABLE t AS SELECT range AS id, range % 7 AS small, range / 3.0 AS x,
                  CASE WHEN range % 5 = 0 THEN NULL ELSE 'label ' || (range % 4) END AS label,
                  DATE '2024-01-01' + CAST(range AS INTEGER) AS day
                FROM range(200)""", null);
        ws.sql(wideTable("wide", 1_100), null);
        counting.take();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** Half numbers with missing values, half short texts, 60 rows. */
    private static String wideTable(String name, int columns) {
        return wideTable(name, columns, 60);
    }

    private static String wideTable(String name, int columns, int rows) {
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name + " AS SELECT range AS id");
        for (int i = 1; i < columns; i++) {
            sql.append(i % 2 == 0
                    ? ", CASE WHEN (range + " + i + ") % 6 = 0 THEN NULL ELSE (range * " + i + ") % 17 / 4.0 END AS n" + i
                    : ", 'v' || ((range + " + i + ") % " + (2 + i % 9) + ") AS t" + i);
        }
        return sql + " FROM range(" + rows + ")";
    }

    @Test
    void aProfileIsTwoScansAnOutlierPassAPhonePassAndAVariantsPass() {
        ws.dataset("t").profile();
        assertEquals(5, counting.take());
    }

    @Test
    void threeHundredDuplicateColumnsAreConfirmedInOneStatement() {
        StringBuilder twins = new StringBuilder("CREATE TABLE twins AS SELECT 0 AS k");
        StringBuilder apart = new StringBuilder("CREATE TABLE apart AS SELECT 0 AS k");
        for (int i = 1; i <= 300; i++) {
            twins.append(", range + ").append(i * 1000).append(" AS a").append(i).append(", range + ").append(i * 1000)
                    .append(" AS b").append(i);
            apart.append(", range + ").append(i * 1000).append(" AS a").append(i).append(", range + ").append(i * 1000 + 500)
                    .append(" AS b").append(i);
        }
        ws.sql(twins + " FROM range(60)", null);
        ws.sql(apart + " FROM range(60)", null);
        counting.take();
        assertEquals(300, ws.dataset("twins").profile().duplicateColumns().size());
        int withPairs = counting.take();
        assertEquals(0, ws.dataset("apart").profile().duplicateColumns().size());
        assertEquals(1, withPairs - counting.take(), "the same profile plus one statement of 300 comparisons");
    }

    @Test
    void twentyColumnRulesOfOneCheckAreOneScan() {
        List<Rule> rules = new ArrayList<>();
        for (String column : List.of("id", "small", "x", "label", "day")) {
            rules.add(Measure.missing(column).atMost(1000));
            rules.add(Measure.distinct(column).atLeast(1));
        }
        for (String column : List.of("id", "small", "x")) {
            rules.add(Measure.min(column).atLeast(0));
            rules.add(Measure.max(column).atLeast(0));
            rules.add(Measure.mean(column).atLeast(0));
        }
        rules.add(Measure.rows().atLeast(1));
        rules.add(Measure.missingCells().atMost(100000));
        assertEquals(21, rules.size());
        counting.takeSchemaReads();
        ws.dataset("t").evaluate(rules);
        assertEquals(1, counting.take());
        assertEquals(1, counting.takeSchemaReads(), "the schema is read once for every rule");
    }

    @Test
    void aCheckAsksTheRowCountOnceForAllItsRules() {
        ws.dataset("t").evaluate(Measure.rows().atLeast(1), Measure.duplicates("small").percent().atMost(100),
                Measure.distinct("label").percent().atMost(100), Measure.missing("x").atMost(0));
        int withDuplicates = counting.take();
        ws.dataset("t").evaluate(Measure.duplicates("small").atMost(1000));
        assertEquals(1, withDuplicates - counting.take(), "rows and both column rules: one scan beside the duplicates count");
    }

    @Test
    void wideScansGrowLinearlyInColumns() {
        ws.sql(wideTable("wider", 2_200), null);
        counting.take();
        ws.dataset("wide").profile();
        int wide = counting.take();
        ws.dataset("wider").profile();
        int wider = counting.take();
        // Each statement carries many columns, and twice the columns is at most twice the statements.
        assertTrue(wide <= 1_100 / 10, "statements for 1,100 columns: " + wide);
        assertTrue(wider <= 2 * wide + 1, "statements for 1,100 then 2,200 columns: " + wide + ", " + wider);
        assertTrue(wider > wide, "a wider table is more batches: " + wide + ", " + wider);
    }

    @Test
    void aWideProfileEqualsTheProfileOfEachColumnAlone() {
        Profile whole = ws.dataset("wide").profile();
        assertEquals(1_100, whole.columns().size());
        for (int i : new int[] {0, 1, 2, 547, 548, 1_098, 1_099}) {
            ColumnProfile inWhole = whole.columns().get(i);
            ColumnProfile alone = ws.dataset("wide").profile(List.of(inWhole.name())).columns().get(0);
            assertEquals(alone, inWhole, inWhole.name());
        }
    }

    @Test
    void aDiffSummarizesEachSideInOneScan() {
        ws.sql("CREATE TABLE u AS SELECT * FROM t WHERE id < 150", null);
        ws.sql(wideTable("w300", 300), null);
        counting.take();
        Differ differ = new Differ(counting.engine());
        differ.diff("t", "t", "u", "u", List.of());
        int narrow = counting.take();
        differ.diff("w300", "w300", "w300", "w300", List.of());
        int wide = counting.take();
        // Summaries are batches of a scan per side; the rows compared (EXCEPT ALL both ways) cost the same statements.
        assertTrue(wide - narrow <= 2 * (300 / 10), "diff statements narrow, wide: " + narrow + ", " + wide);
    }

    @Test
    void aDriftIsAFewStatementsPerBatchOfColumns() {
        ws.sql(wideTable("wide2", 1_100, 45), null);
        ws.sql(wideTable("wider", 2_200), null);
        ws.sql(wideTable("wider2", 2_200, 45), null);
        counting.take();
        ws.dataset("wide").drift(ws.dataset("wide2"));
        int wide = counting.take();
        ws.dataset("wider").drift(ws.dataset("wider2"));
        int wider = counting.take();
        // Four batches (numbers and texts, 550 of each, at most 500 a batch), each a scratch table,
        // its summary and a statement per method and per kind of picture; before, 6 to 8 per column.
        assertTrue(wide <= 4 * 10, "statements for a drift of 1,100 columns: " + wide);
        assertTrue(wider <= 2 * wide + 2, "statements for 1,100 then 2,200 columns: " + wide + ", " + wider);
    }

    @Test
    void aWideDriftEqualsTheDriftOfEachColumnAlone() {
        ws.sql(wideTable("wide2", 1_100, 45), null);
        Drift whole = ws.dataset("wide").drift(ws.dataset("wide2"));
        assertEquals(1_100, whole.columns().size() + whole.skipped().size());
        for (int i : new int[] {0, 1, 2, 499, 500, 501, 547, 548, 1_098, 1_099}) {
            String name = ws.dataset("wide").schema().get(i).name();
            Drift alone = ws.dataset("wide").drift(ws.dataset("wide2"), DriftPlan.on(name));
            assertEquals(alone.columns().get(0), whole.column(name), name);
        }
    }
}
