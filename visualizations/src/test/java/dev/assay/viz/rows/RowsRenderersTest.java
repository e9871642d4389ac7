package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftKind;
import dev.assay.dsl.drift.DriftMethod;
import dev.assay.dsl.duplicates.Deduplicated;
import dev.assay.dsl.duplicates.DuplicateGroup;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.sample.Sampled;
import dev.assay.dsl.split.SplitResult;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The duplicates, dedup, split, leakage and drift results as text, escaped HTML and their JSON. */
class RowsRenderersTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    private static final Duplicates DUPLICATES = new Duplicates("msgs", 7, List.of("text"), true, 4, 2,
            List.of(new DuplicateGroup(4, 0, Map.of("text", "<script>alert(1)</script>")),
                    new DuplicateGroup(2, 3, Collections.singletonMap("text", null))), null);

    @Test
    void duplicatesShowCountsAndEscapedGroups() {
        MimeBundle b = registry.render(DUPLICATES);
        assertEquals(String.join("\n",
                "Duplicates in msgs on text, normalized: 4 duplicate rows (57.1% of 7 rows) in 2 groups; the largest:",
                "rows | first row | text                     ",
                "-----+-----------+--------------------------",
                "   4 |         0 | <script>alert(1)</script>",
                "   2 |         3 | NULL"), b.plainText());
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("<td style=\"text-align:left;color:#888;font-style:italic\">NULL</td>"),
                "NULL set apart, aligned as its column: " + html);
        assertEquals(List.of(), HtmlTables.misaligned(html));
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(List.of("kind", "dataset", "rows", "on", "normalize", "duplicate_rows", "groups", "largest", "near"),
                List.copyOf(json.keySet()));
        assertEquals(4L, json.get("duplicate_rows"));
        assertEquals(null, json.get("near"));
    }

    @Test
    void driftShowsTheVerdictEveryColumnAndWhatWasSkipped() {
        Drift d = new Drift("train", "test", 1000, 800, List.of(
                new ColumnDrift("fare", "DOUBLE", DriftKind.NUMERIC, DriftMethod.KS, 0.0412, 2.345e-7, 0.05, true,
                        990, 800, 10, 0, "exact p-value", null),
                new ColumnDrift("<b>kind</b>", "VARCHAR", DriftKind.CATEGORICAL, DriftMethod.CHI2, null, 0.0, 0.05, true,
                        1000, 800, 0, 0, "1 value(s) occur only in the current data", null),
                new ColumnDrift("tip", "DOUBLE", DriftKind.NUMERIC, DriftMethod.PSI, 0.0123, null, 0.1, false,
                        1000, 800, 0, 0, null, null)),
                List.of(new Drift.Skipped("tags", "drift compares numbers, dates, booleans and text; it is VARCHAR[]")));
        MimeBundle b = registry.render(d);
        String text = b.plainText();
        assertTrue(text.startsWith("Drift from train (1,000 rows) to test (800 rows): 2 of 3 columns drifted (66.7%) — the "
                + "dataset has drifted (at least half of its columns):"), text);
        assertTrue(text.contains("fare        | numeric     | ks     |    0.0412 | 2.345e-07 |      0.05 | DRIFT   |"), text);
        assertTrue(text.contains("|         ∞ |         0 |"), "an infinite chi-square: " + text);
        assertTrue(text.contains("tip         | numeric     | psi    |    0.0123 |           |       0.1 | no "), text);
        assertTrue(text.contains("Not compared:\ncolumn | why"), text);
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<b>kind</b>"), html);
        assertEquals(List.of(), HtmlTables.misaligned(html), "drift's column, kind and note headers over their text");
        assertTrue(html.contains("<th style=\"text-align:left\">column</th><th style=\"text-align:left\">kind</th>"), html);
        assertTrue(html.contains("<th style=\"text-align:left\">note</th>"), html);
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(List.of("kind", "reference", "current", "reference_rows", "current_rows", "columns", "skipped",
                "drifted_columns", "drifted_share", "dataset_drift"), List.copyOf(json.keySet()));
        assertEquals(true, json.get("dataset_drift"));
        assertEquals(null, ((Map<?, ?>) ((List<?>) json.get("columns")).get(1)).get("statistic"));
    }

    @Test
    void splitShowsEachPartWithItsLabels() {
        SplitResult r = new SplitResult("sms", "stratified", List.of(), 7, "Label", List.of(
                new SplitResult.Part("train", 80, 0.8, Map.of("ham", 70L)),
                new SplitResult.Part("test", 20, 0.2, Map.of("ham", 17L))), null);
        MimeBundle b = registry.render(r);
        assertTrue(b.plainText().startsWith("Split sms (100 rows) stratified by Label, seed 7:\npart  | rows | share  | Label"),
                b.plainText());
        assertTrue(b.plainText().contains("train |   80 | 80.00% | ham: 70"), b.plainText());
        assertEquals("split", ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("kind"));
    }

    @Test
    void dedupAndLeakageSayWhatHappened() {
        MimeBundle d = registry.render(new Deduplicated("clean", "sms", 10, 7, List.of("SMS"), false, 0.8));
        assertEquals("clean: kept 7 of the 10 rows of sms, removing 3 near duplicates (Jaccard >= 0.8) of SMS (30.0%)", d.plainText());
        Leakage l = new Leakage("train", "test", List.of("SMS"), false, 100, 10, 2, 1, 3,
                List.of(new Leakage.SharedKey(Map.of("SMS", "ok"), 3, 2)), 0.8, 4L,
                List.of(new Leakage.NearMatch(5, "ok then", 9, "ok then!")));
        MimeBundle b = registry.render(l);
        assertTrue(b.plainText().startsWith("Leakage from train into test on SMS: 2 of test's 10 rows (20.0%) also occur in "
                + "train (1 shared keys, on 3 rows of train); for example:"), b.plainText());
        assertTrue(b.plainText().contains("With near duplicates (Jaccard >= 0.8): 4 of test's rows (40.0%) have a match in train"),
                b.plainText());
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(2L, json.get("exact_overlap_rows"));
        assertEquals(4L, json.get("near_overlap_rows"));
    }

    @Test
    void aSampleSaysWhatItKeptAndCarriesItsJson() {
        MimeBundle b = registry.render(new Sampled("few", "sms", 200, 19, SamplePlan.percent(10).seed(7)));
        assertEquals("few: a sample of 19 of the 200 rows of sms (10% asked, 9.5%; seed 7)", b.plainText());
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals("sample", json.get("kind"));
        assertEquals(19L, json.get("rows"));
        assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).contains("a sample of 19"));
    }

    /** Issue 20 item 10: a hash split's note (how far sizes stray) is shown in text and HTML and kept in the JSON. */
    @Test
    void aHashSplitShowsItsNote() {
        SplitResult r = new SplitResult("t", "hash", List.of(), 1, null, List.of(
                new SplitResult.Part("train", 742, 0.833, null), new SplitResult.Part("test", 149, 0.167, null)),
                "Each row goes to a part by its own hash, so part sizes vary with the seed.");
        MimeBundle b = registry.render(r);
        assertTrue(b.plainText().contains("part sizes vary with the seed"), b.plainText());
        assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).contains("part sizes vary with the seed"));
        assertEquals(r.note(), ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("note"));
    }
}
