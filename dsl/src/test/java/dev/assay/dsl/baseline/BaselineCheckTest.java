package dev.assay.dsl.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.StoredCheck;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks against the pinned versions of a label, on tables small enough to work out by hand:
 * every expected value is read off the rows written here, not taken from Assay's output.
 */
class BaselineCheckTest {

    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** Pins a table of x values as the next version of {@code label}; returns its fingerprint. */
    private Fingerprint pinX(String label, double... xs) {
        table("v", xs);
        return ws.dataset("v").pin(label).version().fingerprint();
    }

    private Dataset table(String name, double... xs) {
        String rows = String.join(", ", Arrays.stream(xs).mapToObj(x -> "(" + x + "::DOUBLE)").toList());
        ws.sql("CREATE OR REPLACE TABLE " + name + " AS SELECT * FROM (VALUES " + rows + ") v(x)", null);
        return ws.dataset(name);
    }

    private void recordCheck(Fingerprint fp, boolean passed) {
        ws.store().write(() -> false, w -> {
            w.recordCheck(fp, new StoredCheck(Instant.now(), "v", passed, List.of("rows > 0"), passed ? List.of()
                    : List.of("rows > 0")));
            return null;
        });
    }

    @Test
    void withinPercentComparesWithTheLatestVersionsKeptValue() {
        pinX("lab", 1, 2, 3, 4);          // mean 2.5, 4 rows
        pinX("lab", 10, 20, 30, 40, 50);  // mean 30, 5 rows: the baseline
        Dataset now = table("now", 27, 33, 30, 30, 36); // mean 31.2, 5 rows
        CheckResult r = now.evaluate(Baseline.of("lab"), Measure.mean("x").withinPercent(5),
                Measure.mean("x").withinPercent(3), Measure.rows().withinPercent(0));
        RuleOutcome five = r.rules().get(0);
        assertEquals(31.2, five.value(), 1e-12);
        assertEquals(30.0, five.baseline().baseline());
        assertEquals(28.5, five.baseline().allowed().low(), 1e-12);
        assertEquals(31.5, five.baseline().allowed().high(), 1e-12);
        assertEquals("lab@2", five.baseline().against());
        assertTrue(five.passed());
        assertFalse(r.rules().get(1).passed(), "31.2 is 4% above 30");
        assertTrue(r.rules().get(2).passed(), "5 rows, as the baseline");
        Map<String, Object> json = five.toJson();
        assertEquals("mean(x) within 5%", json.get("rule"));
        assertEquals(List.of(28.5, 31.5), ((List<?>) json.get("allowed")).stream().map(v -> Math.rint(((Number) v).doubleValue() * 1e9) / 1e9).toList());
        Map<?, ?> baseline = (Map<?, ?>) r.toJson().get("baseline");
        assertEquals("lab", baseline.get("label"));
        assertEquals(2, baseline.get("version"));
        assertEquals(List.of(1, 2), baseline.get("versions"));
        assertEquals(List.of(), baseline.get("left_out"));
    }

    @Test
    void aBaselineOfZeroAllowsOnlyZero() {
        pinX("zero", 1, 2);   // missing(x) = 0
        CheckResult none = table("a", 1, 5).evaluate(Baseline.of("zero"), Measure.missing("x").withinPercent(50));
        assertTrue(none.passed());
        ws.sql("CREATE OR REPLACE TABLE b AS SELECT * FROM (VALUES (1.0::DOUBLE), (NULL)) v(x)", null);
        RuleOutcome one = ws.dataset("b").evaluate(Baseline.of("zero"), Measure.missing("x").withinPercent(50)).rules().get(0);
        assertFalse(one.passed());
        assertEquals(1.0, one.value());
        assertEquals("a baseline of 0 allows only 0", one.note());
    }

    @Test
    void withinSdUsesTheVersionsLeftAfterFailedChecks() {
        pinX("sd", 1);
        pinX("sd", 2);
        pinX("sd", 3);
        Fingerprint bad = pinX("sd", 10);
        Dataset now = table("now", 5);
        // Versions 1-4 included: mean 4, sd sqrt(50/3) = 4.08; 5 is inside 2 sd.
        assertTrue(now.evaluate(Baseline.of("sd"), Measure.mean("x").withinSd(2)).passed());
        recordCheck(bad, false);
        // Version 4 left out: mean 2, sd 1, allowed [0, 4]; 5 is outside.
        CheckResult r = now.evaluate(Baseline.of("sd"), Measure.mean("x").withinSd(2));
        RuleOutcome o = r.rules().get(0);
        assertFalse(o.passed());
        assertEquals(2.0, o.baseline().baseline(), 1e-12);
        assertEquals(0.0, o.baseline().allowed().low(), 1e-12);
        assertEquals(4.0, o.baseline().allowed().high(), 1e-12);
        assertEquals(List.of(1, 2, 3), o.baseline().versions());
        assertEquals("sd@3", o.baseline().against(), "the latest version left");
        assertEquals(List.of(new BaselineVersions.LeftOut(4, BaselineVersions.CHECK_FAILED)), r.baseline().leftOut());
        assertEquals("check now failed 1 of 1 rule: mean(x) within 2 sd (measured 5, allowed 0 to 4 against sd@3)",
                assertThrows(CheckFailedException.class, () -> now.check(Baseline.of("sd"), Measure.mean("x").withinSd(2)))
                        .getMessage());
        recordCheck(bad, true); // the latest check of that content passed: it counts again
        assertTrue(now.evaluate(Baseline.of("sd"), Measure.mean("x").withinSd(2)).passed());
    }

    @Test
    void withinSdNeedsThreeVersions() {
        pinX("two", 1);
        pinX("two", 2);
        RuleOutcome o = table("now", 1.5).evaluate(Baseline.of("two"), Measure.mean("x").withinSd(3)).rules().get(0);
        assertFalse(o.passed());
        assertEquals(1.5, o.value());
        assertTrue(o.note().startsWith("within 3 sd needs at least 3 baseline versions with a value; 'two' has 2"), o.note());
    }

    @Test
    void everyVersionFailedLeavesNothingToCompareWith() {
        recordCheck(pinX("bad", 1), false);
        recordCheck(pinX("bad", 2), false);
        CheckResult r = table("now", 1).evaluate(Baseline.of("bad"), Measure.rows().withinPercent(10),
                Measure.mean("x").withinSd(3), Rule.schemaUnchanged(), Measure.drift().percent().lessThan(50),
                Measure.rows().equalTo(1));
        for (RuleOutcome o : r.rules().subList(0, 4)) {
            assertFalse(o.passed(), o.rule().text());
            assertEquals("no version of 'bad' is left to compare with (bad@1: its latest check failed; bad@2: its latest "
                    + "check failed)", o.note(), o.rule().text());
        }
        assertTrue(r.rules().get(4).passed(), "a plain rule is measured as ever");
        assertNull(((Map<?, ?>) r.toJson().get("baseline")).get("version"));
    }

    @Test
    void theCheckedDatasetsOwnVersionIsLeftOut() {
        pinX("own", 1, 2, 3);
        table("v", 100, 200).pin("own"); // v is now own@2
        CheckResult r = ws.dataset("v").evaluate(Baseline.of("own"), Measure.rows().withinPercent(10));
        assertEquals(List.of(new BaselineVersions.LeftOut(2, BaselineVersions.CHECKED_ITSELF)), r.baseline().leftOut());
        assertEquals(3.0, r.rules().get(0).baseline().baseline(), "compared with own@1's 3 rows");
        assertFalse(r.passed());
        // That failed check was recorded with own@2; a copy made by SQL is not a pinned version as such,
        // so own@2 is left out for its failed check, not as the version checked.
        ws.sql("CREATE OR REPLACE TABLE w AS SELECT * FROM v", null);
        assertEquals(List.of(new BaselineVersions.LeftOut(2, BaselineVersions.CHECK_FAILED)),
                ws.dataset("w").evaluate(Baseline.of("own"), Measure.rows().withinPercent(10)).baseline().leftOut());
    }

    @Test
    void schemaUnchangedListsAddedRemovedAndRetypedColumns() {
        ws.sql("CREATE TABLE s AS SELECT 1 AS a, 'x' AS b, 2.5::DOUBLE AS c", null);
        ws.dataset("s").pin("schema");
        ws.sql("CREATE TABLE same AS SELECT 7 AS a, 'y' AS b, 0.5::DOUBLE AS c", null);
        assertTrue(ws.dataset("same").evaluate(Baseline.of("schema"), Rule.schemaUnchanged()).passed());
        ws.sql("CREATE TABLE changed AS SELECT 'one' AS a, 2.5::DOUBLE AS c, 3 AS d", null);
        RuleOutcome o = ws.dataset("changed").evaluate(Baseline.of("schema"), Rule.schemaUnchanged()).rules().get(0);
        assertFalse(o.passed());
        SchemaChange change = o.baseline().schema();
        assertEquals(List.of("d"), change.added());
        assertEquals(List.of("b"), change.removed());
        assertEquals(List.of(new SchemaChange.Retyped("a", "INTEGER", "VARCHAR")), change.retyped());
        assertEquals(3.0, o.value());
        assertEquals("schema unchanged", o.toJson().get("rule"));
        ws.sql("CREATE TABLE reordered AS SELECT 'x' AS b, 1 AS a, 2.5::DOUBLE AS c", null);
        RuleOutcome r = ws.dataset("reordered").evaluate(Baseline.of("schema"), Rule.schemaUnchanged()).rules().get(0);
        assertFalse(r.passed());
        assertTrue(r.baseline().schema().reordered());
    }

    @Test
    void aColumnTheBaselineLacksFailsTheRuleSayingSo() {
        pinX("cols", 1, 2);
        ws.sql("CREATE TABLE y AS SELECT 1.0::DOUBLE AS x, 2.0::DOUBLE AS z", null);
        RuleOutcome o = ws.dataset("y").evaluate(Baseline.of("cols"), Measure.mean("z").withinPercent(10)).rules().get(0);
        assertFalse(o.passed());
        assertEquals(2.0, o.value());
        assertEquals("the baseline cols@1 has no column 'z'", o.note());
    }

    @Test
    void driftIsTheShareOfColumnsThatDriftedFromTheBaselineVersion() {
        ws.sql("CREATE TABLE d AS SELECT i::DOUBLE AS x, (i % 7)::DOUBLE AS y FROM range(200) t(i)", null);
        ws.dataset("d").pin("drift");
        ws.sql("CREATE TABLE same AS SELECT * FROM d", null);
        RuleOutcome same = ws.dataset("same").evaluate(Baseline.of("drift"), Measure.drift().percent().lessThan(50))
                .rules().get(0);
        assertEquals(0.0, same.value());
        assertTrue(same.passed());
        ws.sql("CREATE TABLE shifted AS SELECT x + 1000 AS x, y FROM d", null); // x moved entirely, y not
        RuleOutcome shifted = ws.dataset("shifted").evaluate(Baseline.of("drift"), Measure.drift().percent().lessThan(50))
                .rules().get(0);
        assertEquals(50.0, shifted.value());
        assertFalse(shifted.passed());
        assertEquals("drift < 50%", shifted.rule().text());
        ws.sql("CREATE TABLE scratch AS SELECT count(*) AS n FROM information_schema.tables WHERE table_name LIKE '%baseline%'",
                null);
        assertEquals(0.0, ws.dataset("scratch").evaluate(Measure.max("n").equalTo(0)).rules().get(0).value(),
                "the scratch table of the baseline's snapshot is dropped");
    }

    @Test
    void freshnessIsTheAgeOfTheLatestTimeInSeconds() {
        ws.sql("""
                CREATE TABLE f AS SELECT * FROM (VALUES
                  (TIMESTAMP '2026-01-01 10:00:00', DATE '2026-01-01', TIMESTAMPTZ '2026-01-01 11:00:00+01'),
                  (TIMESTAMP '2026-01-02 06:30:00', DATE '2026-01-02', TIMESTAMPTZ '2026-01-02 08:00:00+02'),
                  (NULL, NULL, NULL)) v(ts, d, tz)""", null);
        ws.useClock(Clock.fixed(Instant.parse("2026-01-02T12:00:00Z"), ZoneOffset.UTC));
        CheckResult r = ws.dataset("f").evaluate(Measure.freshness("ts").atMost(Duration.ofHours(6)),
                Measure.freshness("d").lessThan(Duration.ofHours(12)),
                Measure.freshness("tz").atMost(Duration.ofHours(6)));
        assertEquals(5.5 * 3600, r.rules().get(0).value());  // 12:00 - 06:30, the TIMESTAMP read as UTC
        assertEquals("2026-01-02T06:30:00Z", r.rules().get(0).latest());
        assertTrue(r.rules().get(0).passed());
        assertEquals(12 * 3600.0, r.rules().get(1).value()); // a DATE is its midnight UTC
        assertFalse(r.rules().get(1).passed(), "< 12 h, and it is exactly 12 h");
        assertEquals(6 * 3600.0, r.rules().get(2).value()); // 08:00+02 is 06:00 UTC
        assertEquals("freshness(ts) <= 6 h", r.rules().get(0).rule().text());
        assertEquals("2026-01-02T06:30:00Z", r.rules().get(0).toJson().get("latest"));
        ws.sql("CREATE TABLE empty AS SELECT ts FROM f WHERE ts IS NULL", null);
        RuleOutcome none = ws.dataset("empty").evaluate(Measure.freshness("ts").atMost(Duration.ofDays(1))).rules().get(0);
        assertFalse(none.passed());
        assertEquals("'ts' has no values", none.note());
        assertThrows(IllegalArgumentException.class, () -> Measure.freshness("ts").greaterThan(1));
        RuleException text = assertThrows(RuleException.class,
                () -> table("n", 1).evaluate(Measure.freshness("x").atMost(Duration.ofDays(1))));
        assertEquals("freshness(x) needs a date or time column; 'x' is DOUBLE", text.getMessage());
    }

    @Test
    void baselineRulesNeedABaselineAndAKnownLabel() {
        Dataset t = table("t", 1, 2);
        RuleException e = assertThrows(RuleException.class, () -> t.evaluate(Measure.rows().withinPercent(10)));
        assertEquals("rows within 10% compares with pinned versions: write check t against 'LABEL': rows within 10%",
                e.getMessage());
        pinX("nightly", 1);
        BaselineException unknown = assertThrows(BaselineException.class,
                () -> t.evaluate(Baseline.of("nighlty"), Measure.rows().withinPercent(10)));
        assertTrue(unknown.getMessage().contains("did you mean 'nightly'?"), unknown.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> Measure.duplicates().withinSd(3));
        assertTrue(none.getMessage().startsWith("duplicates has no value kept with pinned versions, so it cannot be within a "
                + "baseline; within applies to rows, missing, distinct, min, max, mean, outliers, skewness, null_like"),
                none.getMessage());
    }

    @Test
    void percentMeasuresCompareTheirShareOfTheBaseline() {
        ws.sql("CREATE TABLE p AS SELECT * FROM (VALUES (1.0::DOUBLE), (NULL), (3.0), (NULL)) v(x)", null); // 50% missing
        ws.dataset("p").pin("pct");
        ws.sql("CREATE TABLE q AS SELECT * FROM (VALUES (1.0::DOUBLE), (NULL), (3.0), (4.0), (5.0)) v(x)", null); // 20%
        RuleOutcome o = ws.dataset("q").evaluate(Baseline.of("pct"), Measure.missing("x").percent().withinPercent(10))
                .rules().get(0);
        assertEquals(20.0, o.value());
        assertEquals(50.0, o.baseline().baseline());
        assertEquals("missing(x)% within 10%", o.rule().text());
        assertFalse(o.passed());
    }
}
