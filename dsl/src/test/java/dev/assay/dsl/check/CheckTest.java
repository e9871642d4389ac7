package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules measured on a table small enough to count by hand: every expected value below is
 * read off the rows in {@link #open()}, not taken from Assay's output.
 */
class CheckTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private Dataset t;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
        ws.sql("""
                CREATE TABLE t AS SELECT * FROM (VALUES
                  (1, 'write to ann@example.org', 1.5),
                  (2, NULL, 'NaN'::DOUBLE),
                  (3, 'a', 2.5),
                  (3, 'a', 2.5),
                  (5, 'call 555-123-4567', NULL)) v(id, txt, x)""", null);
        t = ws.dataset("t");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private static double value(CheckResult result, int rule) {
        return result.rules().get(rule).value();
    }

    @Test
    void measuresAreTheCountsOfTheRows() {
        CheckResult r = t.evaluate(
                Measure.rows().equalTo(5),
                Measure.missing("txt").equalTo(1),
                Measure.missing("x").percent().equalTo(40),          // NULL and NaN, as pandas counts them
                Measure.distinct("txt").equalTo(3),
                Measure.duplicates().equalTo(1),                     // the second (3, 'a', 2.5)
                Measure.duplicates("id").percent().equalTo(20),
                Measure.min("x").equalTo(1.5),
                Measure.max("id").equalTo(5),
                Measure.mean("id").equalTo(2.8),
                Measure.pii("txt").equalTo(2),                       // an email and a phone number
                Measure.missingCells().percent().atMost(20));        // 3 of 15 cells
        assertEquals(List.of(5.0, 1.0, 40.0, 3.0, 1.0, 20.0, 1.5, 5.0, 2.8, 2.0, 20.0),
                r.rules().stream().map(RuleOutcome::value).toList());
        assertTrue(r.passed(), () -> r.failures().toString());
        assertEquals(5L, r.rules().get(0).toJson().get("value"), "counts are JSON integers");
        assertEquals(2.8, r.rules().get(8).toJson().get("value"));
    }

    @Test
    void theMeanOfAFloatColumnLeavesNanOut() {
        assertEquals(13.0 / 6, value(t.evaluate(Measure.mean("x").greaterThan(0)), 0), 1e-15);
    }

    @Test
    void eachOperatorDecidesAtItsBoundary() {
        CheckResult r = t.evaluate(
                Measure.rows().lessThan(5), Measure.rows().atMost(5), Measure.rows().equalTo(5),
                Measure.rows().atLeast(5), Measure.rows().greaterThan(5), Measure.rows().notEqualTo(5));
        assertEquals(List.of(false, true, true, true, false, false), r.rules().stream().map(RuleOutcome::passed).toList());
    }

    @Test
    void aFailedCheckCarriesEveryRuleAndNamesWhatFailed() {
        CheckFailedException e = assertThrows(CheckFailedException.class, () -> t.check(
                Measure.rows().greaterThan(1), Measure.missing("txt").percent().lessThan(1), Measure.duplicates().equalTo(0)));
        CheckResult r = e.result();
        assertFalse(r.passed());
        assertEquals(3, r.rules().size(), "the passing rule is shown too");
        assertEquals("check t failed 2 of 3 rules: missing(txt) < 1% (measured 20%); duplicates = 0 (measured 1)",
                e.getMessage());
        assertEquals(List.of("rule", "value", "passed"), List.copyOf(r.rules().get(0).toJson().keySet()));
        assertEquals("check", r.toJson().get("kind"));
    }

    @Test
    void aPassingCheckReturnsItsResult() {
        assertTrue(t.check(Measure.rows().atLeast(1)).passed());
    }

    @Test
    void fingerprintsCompareWithAPinOrAHash() {
        String pinned = t.pin("small").version().fingerprint().value();
        assertTrue(t.check(Measure.fingerprint().equalTo("small@1"), Measure.fingerprint().equalTo(pinned)).passed());
        ws.sql("SELECT * FROM t WHERE id <> 5", "fewer");
        CheckResult r = ws.dataset("fewer").evaluate(Measure.fingerprint().equalTo("small"),
                Measure.fingerprint().notEqualTo("small@1"));
        RuleOutcome same = r.rules().get(0);
        assertFalse(same.passed());
        assertEquals(0.0, same.value());
        assertEquals(pinned, same.expected());
        assertTrue(same.actual().startsWith("sha256:") && !same.actual().equals(pinned));
        assertTrue(r.rules().get(1).passed());
        RuleException absent = assertThrows(RuleException.class,
                () -> t.evaluate(Measure.rows().greaterThan(0), Measure.fingerprint().equalTo("absent@1")));
        assertEquals(1, absent.ruleIndex());
        assertTrue(absent.getMessage().startsWith("no pinned versions of 'absent'"), absent.getMessage());
    }

    @Test
    void driftCountsTheColumnsTheDriftOperationFlags() {
        ws.sql("SELECT id * 100 AS id, txt, x FROM t", "moved");
        CheckResult r = ws.dataset("moved").evaluate(Measure.drift("t").atMost(0), Measure.drift("t").percent().lessThan(50));
        long flagged = t.drift(ws.dataset("moved")).driftedColumns();
        assertEquals(flagged, (long) value(r, 0));
        assertEquals(100.0 * flagged / 3, value(r, 1), 1e-12);
    }

    @Test
    void aShareOfNoRowsIsNotMeasuredAndFails() {
        ws.sql("SELECT * FROM t WHERE false", "empty");
        RuleOutcome o = ws.dataset("empty").evaluate(Measure.missing("txt").percent().equalTo(0)).rules().get(0);
        assertNull(o.value());
        assertFalse(o.passed());
        assertEquals("empty has no rows to take a percentage of", o.note());
        RuleOutcome mean = ws.dataset("empty").evaluate(Measure.mean("x").lessThan(1)).rules().get(0);
        assertFalse(mean.passed());
        assertEquals("'x' has no values", mean.note());
    }

    @Test
    void rulesThatCannotBeMeasuredSayWhyAndWhich() {
        RuleException unknown = assertThrows(RuleException.class,
                () -> t.evaluate(Measure.rows().greaterThan(0), Measure.missing("text").equalTo(0)));
        assertEquals(1, unknown.ruleIndex());
        assertEquals("no column 'text' in t; did you mean 'txt'?", unknown.getMessage());
        assertEquals("mean(txt) needs a number column; 'txt' is VARCHAR",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.mean("txt").lessThan(1))).getMessage());
        assertEquals("pii(id) needs a text column; 'id' is INTEGER",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.pii("id").equalTo(0))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Measure.rows().percent()).getMessage()
                .startsWith("rows cannot be a percentage"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Measure.of("missin", List.of("a")))
                .getMessage().startsWith("unknown measure 'missin'; did you mean 'missing'?"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Measure.fingerprint().lessThan(3))
                .getMessage().startsWith("fingerprint is compared with a fingerprint or a version in quotes"));
        assertEquals("mean(x) is compared with a finite number, not NaN",
                assertThrows(IllegalArgumentException.class, () -> Measure.mean("x").lessThan(Double.NaN)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Measure.drift("a").equalTo("x"))
                .getMessage().startsWith("drift(a) is compared with a number"));
    }

    @Test
    void rulesReadBackAsTheLanguageWritesThem() {
        assertEquals("duplicates(a, b) < 1.5%", Measure.duplicates("a", "b").percent().lessThan(1.5).text());
        assertEquals("fingerprint != 'x@2'", Measure.fingerprint().notEqualTo("x@2").text());
        assertEquals("rows >= 1000", Measure.rows().atLeast(1000).text());
        assertEquals("4,027", Values.format(4027));
        assertEquals("0.173827", Values.format(0.17382666997765087));
    }
}
