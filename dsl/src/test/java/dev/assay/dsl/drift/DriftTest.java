package dev.assay.dsl.drift;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Drift's behaviour around the statistics: what is compared, skipped or refused, and with
 * which message; missing values; the method chosen per column. The statistics themselves are
 * checked against scipy in tests/data/test_drift_vs_scipy.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DriftTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        String columns = "i AS id, (i % 97) / 3.0 AS x, CASE WHEN i % 3 = 0 THEN 'a' WHEN i % 3 = 1 THEN 'b' ELSE 'c' END AS cat, "
                + "i % 2 = 0 AS flag, 'message number ' || i || ' about ' || (i % 13) AS note, [i] AS list";
        ws.query("SELECT " + columns + " FROM range(1500) r(i)", "ref");
        ws.query("SELECT " + columns + " FROM range(1500) r(i)", "same");
        ws.query("SELECT i AS id, CAST(i AS VARCHAR) AS x, 'a' AS cat, NULL::BOOLEAN AS flag, 'other' AS extra "
                + "FROM range(10) r(i)", "odd");
        ws.query("SELECT * FROM ref WHERE false", "empty");
        ws.query("SELECT CASE WHEN i % 10 = 0 THEN NULL WHEN i % 10 = 1 THEN 'NaN'::DOUBLE WHEN i % 10 = 2 THEN 'inf'::DOUBLE "
                + "ELSE i / 7.0 END AS v FROM range(200) r(i)", "holes");
        ws.query("SELECT i / 3.0 AS v FROM range(50) r(i)", "whole");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Drift drift(String ref, String cur, DriftPlan plan) {
        return ws.dataset(ref).drift(ws.dataset(cur), plan);
    }

    private String refused(String ref, String cur, DriftPlan plan) {
        return assertThrows(IllegalArgumentException.class, () -> drift(ref, cur, plan)).getMessage();
    }

    @Test
    void identicalDatasetsShowNoDriftWithEveryMethod() {
        for (String m : List.of("ks", "wasserstein", "psi", "js", "hellinger")) {
            ColumnDrift c = drift("ref", "same", DriftPlan.on("x").using(m)).column("x");
            assertEquals(0.0, c.statistic(), 1e-12, m);
            assertFalse(c.drifted(), m);
        }
        for (String m : List.of("chi2", "psi", "js", "hellinger")) {
            ColumnDrift c = drift("ref", "same", DriftPlan.on("cat").using(m)).column("cat");
            assertEquals(0.0, c.statistic(), 1e-12, m);
            assertFalse(c.drifted(), m);
        }
        assertEquals(1.0, drift("ref", "same", DriftPlan.on("x").using("ks")).column("x").pValue(), 0);
        assertEquals(1.0, drift("ref", "same", DriftPlan.on("flag").using("z")).column("flag").pValue(), 1e-12);
        assertEquals(0.0, drift("ref", "same", DriftPlan.on("note")).column("note").statistic(), 1e-12);
    }

    @Test
    void autoChoosesAsEvidentlyPerColumnAndSkipsWhatCannotBeCompared() {
        Drift d = drift("ref", "same", DriftPlan.auto());
        assertEquals(DriftMethod.WASSERSTEIN, d.column("x").method(), "numbers, 1,500 reference values");
        assertEquals(DriftMethod.JS, d.column("cat").method());
        assertEquals(DriftKind.TEXT, d.column("note").kind(), "mostly distinct strings are free text");
        assertEquals(DriftMethod.TEXT, d.column("note").method());
        assertEquals(List.of(new Drift.Skipped("list", "drift compares numbers, dates, booleans and text; it is BIGINT[]")),
                d.skipped());
        assertFalse(d.datasetDrift());

        Drift odd = drift("ref", "odd", DriftPlan.auto());
        assertEquals(List.of("id", "cat"), odd.columns().stream().map(ColumnDrift::name).toList());
        assertEquals(DriftMethod.WASSERSTEIN, odd.column("id").method(), "the reference's size decides");
        List<String> reasons = odd.skipped().stream().map(s -> s.name() + ": " + s.reason()).toList();
        assertTrue(reasons.contains("x: it is DOUBLE in ref but VARCHAR in odd; cast one side so that both are numbers, "
                + "times, booleans or text"), reasons.toString());
        assertTrue(reasons.contains("flag: it has no values in odd (all 10 rows are missing)"), reasons.toString());
        assertTrue(reasons.contains("note: not in odd"), reasons.toString());
        assertTrue(reasons.contains("extra: not in ref"), reasons.toString());
    }

    @Test
    void evidentlysDefaultChoice() {
        assertEquals(DriftMethod.KS, DriftDetector.auto(DriftKind.NUMERIC, 1000, 6));
        assertEquals(DriftMethod.CHI2, DriftDetector.auto(DriftKind.NUMERIC, 1000, 5));
        assertEquals(DriftMethod.Z, DriftDetector.auto(DriftKind.NUMERIC, 1000, 2));
        assertEquals(DriftMethod.CHI2, DriftDetector.auto(DriftKind.CATEGORICAL, 1000, 3));
        assertEquals(DriftMethod.Z, DriftDetector.auto(DriftKind.CATEGORICAL, 10, 2));
        assertEquals(DriftMethod.WASSERSTEIN, DriftDetector.auto(DriftKind.NUMERIC, 1001, 6));
        assertEquals(DriftMethod.JS, DriftDetector.auto(DriftKind.NUMERIC, 1001, 5));
        assertEquals(DriftMethod.JS, DriftDetector.auto(DriftKind.CATEGORICAL, 5000, 2));
        assertEquals(DriftMethod.TEXT, DriftDetector.auto(DriftKind.TEXT, 5, 5));
    }

    @Test
    void missingValuesAreDroppedAndCounted() {
        ColumnDrift c = drift("holes", "whole", DriftPlan.on("v").using("ks")).column("v");
        assertEquals(140, c.referenceValues(), "NULL, NaN and infinity are left out");
        assertEquals(60, c.referenceMissing());
        assertEquals(0, c.currentMissing());
    }

    @Test
    void badInputIsRefusedWithWhatAndWhere() {
        assertEquals("no column 'note' in odd (it is only in ref)",
                refused("ref", "odd", DriftPlan.on("note")));
        assertEquals("no column 'nte' in ref; did you mean 'note'?", refused("ref", "same", DriftPlan.on("nte")));
        assertEquals("column 'x' cannot be compared: it is DOUBLE in ref but VARCHAR in odd; cast one side so that "
                + "both are numbers, times, booleans or text", refused("ref", "odd", DriftPlan.on("x")));
        assertEquals("the current dataset 'empty' has no rows: nothing to compare", refused("ref", "empty", DriftPlan.auto()));
        assertEquals("column 'flag' cannot be compared: it has no values in odd (all 10 rows are missing)",
                refused("ref", "odd", DriftPlan.on("flag")));
        assertEquals("unknown drift method 'kss'; did you mean 'ks'?; methods: ks, psi, js, wasserstein, chi2, hellinger, z, "
                + "text, auto", assertThrows(IllegalArgumentException.class, () -> DriftPlan.auto().using("kss")).getMessage());
        assertEquals("threshold 1.5 is out of range: ks, a test, takes a p-value threshold between 0 and 1 (exclusive), like 0.05",
                refused("ref", "same", DriftPlan.on("x").using("ks").threshold(1.5)));
        assertEquals("threshold 2 is out of range: js, a distance from 0 to 1, takes a threshold above 0 and at most 1, like 0.1",
                refused("ref", "same", DriftPlan.on("x").using("js").threshold(2)));
        assertTrue(refused("ref", "same", DriftPlan.on("x", "cat").threshold(3)).startsWith(
                "threshold 3 is out of range for column 'cat', compared with js, a distance from 0 to 1"));
        assertEquals("column 'cat': ks compares numbers and this column is categorical: use chi2, z, psi, js or hellinger",
                refused("ref", "same", DriftPlan.on("cat").using("ks")));
        assertEquals("column 'cat': z compares a column with two values and this one has 3: use chi2 or js",
                refused("ref", "same", DriftPlan.on("cat").using("z")));
        assertEquals("column 'x' is named twice", refused("ref", "same", DriftPlan.on("x", "x")));
    }

    @Test
    void freeTextSeparatesHamFromSpamButNotHamFromHam() {
        ws.load(SharedData.file("sms_spam.tsv").toString(), "sms",
                Map.of("delimiter", "\t", "quote", "", "header", true));
        ws.query("SELECT * FROM sms WHERE Label = 'ham' AND rowid % 2 = 0 LIMIT 1000", "ham_a");
        ws.query("SELECT * FROM sms WHERE Label = 'ham' AND rowid % 2 = 1 LIMIT 1000", "ham_b");
        ws.query("SELECT * FROM sms WHERE Label = 'spam'", "spam");
        ColumnDrift same = drift("ham_a", "ham_b", DriftPlan.on("SMS")).column("SMS");
        assertEquals(DriftMethod.TEXT, same.method());
        assertFalse(same.drifted(), same.toString());
        ColumnDrift other = drift("ham_a", "spam", DriftPlan.on("SMS")).column("SMS");
        assertTrue(other.drifted() && other.statistic() > 0.2, other.toString());
        assertTrue(other.note().contains("'call'"), "the note names a word that moved: " + other.note());
    }

    @Test
    void quotedNamesEnumerationsAndDatesWork() {
        ws.query("SELECT i % 3 AS \"it's \"\"odd\"\"\", CAST(['x', 'y', 'z'][1 + i % 3] AS ENUM('x', 'y', 'z')) AS e, "
                + "DATE '2024-01-01' + CAST(i AS INTEGER) AS day FROM range(100) r(i)", "weird");
        ws.query("SELECT i % 4 AS \"it's \"\"odd\"\"\", ['x', 'y', 'w'][1 + i % 3] AS e, "
                + "DATE '2024-01-01' + CAST(i AS INTEGER) AS day FROM range(100) r(i)", "plain");
        Drift d = drift("weird", "plain", DriftPlan.auto());
        assertEquals(List.of("it's \"odd\"", "e", "day"), d.columns().stream().map(ColumnDrift::name).toList());
        ColumnDrift e = d.column("e");
        assertEquals(DriftKind.CATEGORICAL, e.kind(), "an enumeration compares with text by its labels");
        assertEquals("1 value(s) occur only in the current data (such as 'w'): chi-square is infinite", e.note());
        ColumnDrift odd = drift("weird", "plain", DriftPlan.on("it's \"odd\"").using("chi2")).column("it's \"odd\"");
        assertEquals("1 value(s) occur only in the current data (such as '3'): chi-square is infinite", odd.note());
        assertEquals(0.0, d.column("day").statistic(), 0, "the same dates");
        assertEquals(DriftKind.NUMERIC, d.column("day").kind());
    }

    @Test
    void eachColumnCarriesBothDistributionsOnTheSameBins() {
        ws.query("SELECT i / 10.0 AS x, 'label ' || (i % 30) AS many FROM range(1000) r(i)", "wide_ref");
        ws.query("SELECT i / 8.0 AS x, 'label ' || (i % 25) AS many FROM range(600) r(i)", "wide_cur");
        Drift d = drift("wide_ref", "wide_cur", DriftPlan.auto());
        Distribution x = d.column("x").distribution();
        assertTrue(x.isHistogram());
        assertEquals(x.edges().size(), x.reference().size() + 1);
        assertEquals(12, x.reference().size(), "Sturges over 1,600 values: ceil(log2(1600) + 1) = 12 bins");
        assertEquals(0.0, x.edges().get(0), 0);
        assertEquals(99.9, x.edges().get(x.edges().size() - 1), 0, "the larger maximum of both samples");
        assertEquals(1.0, x.reference().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        assertEquals(1.0, x.current().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
        Distribution many = d.column("many").distribution();
        assertEquals(Distribution.MAX_LABELS + 1, many.labels().size(), "20 labels and the rest pooled");
        assertNull(many.labels().get(Distribution.MAX_LABELS));
        // Labels 0-9 occur 58 times in both together, 10-24 57 times, 25-29 33 times.
        assertEquals(List.of("label 0", "label 1", "label 2"), many.labels().subList(0, 3), "most frequent first");
        assertEquals(List.of("label 9", "label 10", "label 11"), many.labels().subList(9, 12), "ties by label");
        assertEquals(1.0, many.reference().stream().mapToDouble(Double::doubleValue).sum(), 1e-12);
    }

    @Test
    void fewValuedNumbersAreDrawnPerValueWhileTheStatisticKeepsItsBins() {
        // A binary label about 62/38 and three class codes, as titanic's survived and pclass.
        ws.query("SELECT (i % 100 >= 62)::BIGINT AS survived, 1 + i % 3 AS pclass FROM range(800) r(i)", "few_ref");
        ws.query("SELECT (i % 100 >= 60)::BIGINT AS survived, 1 + i % 4 % 3 AS pclass FROM range(200) r(i)", "few_cur");
        Drift d = drift("few_ref", "few_cur", DriftPlan.auto());
        Distribution survived = d.column("survived").distribution();
        assertTrue(survived.isPerValue());
        assertFalse(survived.isHistogram());
        assertEquals(List.of(0.0, 1.0), survived.values());
        assertEquals(List.of(-0.5, 0.5, 1.5), survived.edges());
        assertEquals(List.of(496.0 / 800, 304.0 / 800), survived.reference());
        assertEquals(List.of(120.0 / 200, 80.0 / 200), survived.current());
        Distribution pclass = d.column("pclass").distribution();
        assertEquals(List.of(1.0, 2.0, 3.0), pclass.values(), "classes 2 and 3 in bars of their own");
        assertEquals(List.of(267.0 / 800, 267.0 / 800, 266.0 / 800), pclass.reference());
        assertEquals(List.of(100.0 / 200, 50.0 / 200, 50.0 / 200), pclass.current());
        assertEquals(List.of(0.0, 1.0), ((Map<?, ?>) d.column("survived").toJson().get("distribution")).get("values"));

        // The statistic is computed as before, value by value (Evidently's rule for up to 20 reference values).
        double psi = drift("few_ref", "few_cur", DriftPlan.on("pclass").using("psi")).column("pclass").statistic();
        double[] r = {267.0 / 800, 267.0 / 800, 266.0 / 800};
        double[] c = {100.0 / 200, 50.0 / 200, 50.0 / 200};
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            expected += (r[i] - c[i]) * Math.log(r[i] / c[i]);
        }
        assertEquals(expected, psi, 1e-12);
    }

    @Test
    void constantColumnsOfLargeMagnitudeCompareWithEveryMethod() {
        // Above 2^53, widening a zero-width range by 0.5 did nothing, and binning divided by zero.
        ws.query("SELECT 100000000000000000::BIGINT AS big, 1e17::DOUBLE AS dbl FROM range(300)", "big_ref");
        ws.query("SELECT 100000000000000000::BIGINT AS big, 1e17::DOUBLE AS dbl FROM range(100)", "big_cur");
        for (String column : List.of("big", "dbl")) {
            for (String m : List.of("auto", "ks", "wasserstein", "psi", "js", "hellinger", "chi2", "z")) {
                ColumnDrift c = drift("big_ref", "big_cur", DriftPlan.on(column).using(m)).column(column);
                assertFalse(c.drifted(), column + " " + m);
                assertEquals(List.of(1.0), c.distribution().reference(), column + " " + m);
            }
        }
        ws.query("SELECT 1e17::DOUBLE + i * 16 AS dbl FROM range(40) r(i)", "near_big");
        Drift d = drift("near_big", "big_cur", DriftPlan.on("dbl").using("psi"));
        assertTrue(d.column("dbl").drifted(), "40 neighbouring doubles against one of them");
    }

    @Test
    void scratchTablesAreDroppedAndNothingElseChanges() {
        List<String> before = ws.engine().relations();
        drift("ref", "same", DriftPlan.auto());
        refused("ref", "same", DriftPlan.on("cat").using("z"));
        assertEquals(before, ws.engine().relations());
        assertEquals(0L, ((Number) ws.engine().smallResult("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '"
                + SqlEngine.WORK_PREFIX + "%'").get(0).get(0)).longValue());
    }

    @Test
    void jsonCarriesTheContractFields() {
        var json = drift("ref", "same", DriftPlan.on("x", "cat").using("psi")).toJson();
        assertEquals("drift", json.get("kind"));
        assertEquals(0.0, json.get("drifted_share"));
        assertEquals(false, json.get("dataset_drift"));
        @SuppressWarnings("unchecked")
        var first = (Map<String, Object>) ((List<?>) json.get("columns")).get(0);
        assertEquals("psi", first.get("method"));
        assertNull(first.get("p_value"));
        assertEquals(0.1, first.get("threshold"));
    }

    /** Issue 20 item 10: 'drift train vs test on fair' suggests 'fare' as profile does. */
    @Test
    void aMisspeltColumnOfTitanicGetsItsSuggestion() {
        ws.load(SharedData.file("titanic.csv").toString(), "titanic", Map.of());
        assertEquals("no column 'fair' in titanic; did you mean 'fare'?", refused("titanic", "titanic", DriftPlan.on("fair")));
    }

    @Test
    void columnNamesWithPercentSignsAndQuotesAreCompared() {
        ws.query("SELECT i / 7.0 AS \"growth%\", 'v' || (i % 5) AS \"50%\"\"off\" FROM range(300) r(i)", "odd_ref");
        ws.query("SELECT i / 5.0 AS \"growth%\", 'v' || (i % 4) AS \"50%\"\"off\" FROM range(300) r(i)", "odd_cur");
        Drift drift = ws.dataset("odd_ref").drift(ws.dataset("odd_cur"));
        assertEquals(List.of("growth%", "50%\"off"), drift.columns().stream().map(ColumnDrift::name).toList());
        assertTrue(drift.column("growth%").drifted(), "a stretched column drifts");
    }
}
