package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionHistory;
import dev.assay.viz.HtmlTables;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** pin, versions and diff results as text, escaped HTML and their JSON (docs/architecture.md). */
class VersionsRenderersTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    private static final Fingerprint RAW = new Fingerprint("sha256:" + "ab".repeat(32));
    private static final Fingerprint CLEAN = new Fingerprint("sha256:" + "cd".repeat(32));
    private static final StoredVersion RAW_2 = new StoredVersion("raw", 2, RAW, 1000, List.of(new Column("text", "VARCHAR")),
            Instant.parse("2026-11-20T08:00:00Z"), List.of("raw = load 'data/raw.csv'"), List.of(), "00", 10);
    private static final StoredVersion CLEAN_1 = new StoredVersion("clean", 1, CLEAN, 900,
            List.of(new Column("text", "VARCHAR")), Instant.parse("2026-11-21T09:30:00Z"),
            List.of("clean = dedup raw on text normalize"), List.of(new Parent("raw", 2, RAW)), "11", 9);

    @Test
    void aPinNamesItsVersionFingerprintAndLineage() {
        MimeBundle b = registry.render(new Pinned("clean", CLEAN_1, true));
        assertEquals(String.join("\n",
                "Pinned clean as clean@1: 900 rows, 1 columns, " + CLEAN,
                "Parents: raw@2 (sha256:abababababab…)",
                "Made by:",
                "step | statement                          ",
                "-----+------------------------------------",
                "   1 | clean = dedup raw on text normalize"), b.plainText());
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(List.of("kind", "dataset", "label", "version", "fingerprint", "rows", "schema", "created", "command",
                "operations", "parents", "snapshot_bytes", "added"), List.copyOf(json.keySet()));
        assertEquals("pin", json.get("kind"));
        assertEquals(List.of(Map.of("label", "raw", "version", 2, "fingerprint", RAW.value())), json.get("parents"));
        assertEquals("2026-11-21T09:30:00Z", json.get("created"));
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertEquals(List.of(), HtmlTables.misaligned(html));
        assertTrue(html.contains("<th style=\"text-align:right\">step</th><th style=\"text-align:left\">statement</th>"), html);

        String unchanged = registry.render(new Pinned("again", CLEAN_1, false)).plainText();
        assertTrue(unchanged.startsWith("again is unchanged: it is clean@1 (" + CLEAN + "), so no version was added"), unchanged);
    }

    @Test
    void versionsListNewestFirstAndTheLineage() {
        StoredVersion clean2 = new StoredVersion("clean", 2, RAW, 1000, List.of(new Column("text", "VARCHAR")),
                Instant.parse("2026-11-22T10:00:00Z"), List.of(), List.of(), "22", 10);
        MimeBundle b = registry.render(new VersionHistory("clean", List.of(CLEAN_1, clean2), List.of(RAW_2), List.of("gone@1")));
        String text = b.plainText();
        assertTrue(text.startsWith("clean: 2 versions, the latest is clean@2\nversion | fingerprint"), text);
        assertTrue(text.indexOf("clean@2 |") < text.indexOf("clean@1 |"), "newest first: " + text);
        assertTrue(text.contains("2026-11-21 09:30:00 UTC | raw@2   | clean = dedup raw on text normalize"), text);
        assertTrue(text.contains("Lineage of clean@2 (nearest first):"), text);
        assertTrue(text.endsWith("Not in this store: gone@1"), text);
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals("versions", json.get("kind"));
        assertEquals(2, ((List<?>) json.get("versions")).size());
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertEquals(List.of(), HtmlTables.misaligned(html), "the versions and lineage tables: " + html);
        assertTrue(html.contains("<th style=\"text-align:left\">version</th>") && html.contains(
                "<td style=\"text-align:left;white-space:pre-wrap\" title=\"clean@2\">clean@2</td>"), "versions are text: " + html);
    }

    @Test
    void aDiffShowsSchemaRowsKeysAndColumns() {
        DatasetDiff d = new DatasetDiff("raw@1", "raw@2", List.of("id"), List.of(new Column("tag", "VARCHAR")), List.of(),
                List.of(new DatasetDiff.TypeChange("score", "DOUBLE", "BIGINT")), 5, 4, List.of("id", "name", "score"), 3, 2,
                List.of(List.of(2, "<b>", 2.0)), List.of(), new DatasetDiff.Keyed(3, 1, 1, 1, Map.of("name", 1L, "score", 0L),
                List.of(new DatasetDiff.Change(List.of(2), "name", "<b>", "B")), List.of(List.of(5)), List.of(List.of(4))),
                List.of(new DatasetDiff.ColumnMove("id", new DatasetDiff.Summary(5, 0, 4, 2.6), new DatasetDiff.Summary(4, 0, 4, 2.75)),
                        new DatasetDiff.ColumnMove("tag", null, new DatasetDiff.Summary(4, 0, 2, null))));
        MimeBundle b = registry.render(d);
        String text = b.plainText();
        assertTrue(text.startsWith("raw@1 (5 rows) -> raw@2 (4 rows)\nSchema changes:"), text);
        assertTrue(text.contains("score  | type changed | DOUBLE        | BIGINT"), text);
        assertTrue(text.contains("Rows (as multisets, over 3 columns in common): 3 only in raw@1, 2 only in raw@2"), text);
        assertTrue(text.contains("By id: 3 keys in both, 1 of them changed; 1 added in raw@2, 1 removed"), text);
        assertTrue(text.contains("name   |            1 |            33.3%"), text);
        assertTrue(text.contains("Added keys, for example: 5"), text);
        assertTrue(text.contains("id     | 5 -> 4 |       0 |        4 | 2.60000 -> 2.75000"), text);
        assertTrue(text.endsWith("tag    | - -> 4 |  - -> 0 |   - -> 2 |"), text);
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<b>"), "values are escaped: " + html);
        assertTrue(html.contains("<tr style=\"background:#fbe3d6\">"), "moved columns are marked: " + html);
        assertEquals(List.of(), HtmlTables.misaligned(html));
        // Only-in rows (id 2, '<b>', 2.0): numbers right; the changed values' key right, the values left (text).
        assertTrue(html.contains("<td style=\"text-align:right;white-space:pre-wrap\" title=\"2\">2</td>"
                + "<td style=\"text-align:left;white-space:pre-wrap\" title=\"&lt;b&gt;\">&lt;b&gt;</td>"
                + "<td style=\"text-align:right;white-space:pre-wrap\" title=\"2.0\">2.0</td>"), html);
        Map<?, ?> json = (Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON);
        assertEquals(List.of("kind", "from", "to", "on", "identical", "schema", "rows", "keyed", "columns"),
                List.copyOf(json.keySet()));
        assertEquals(false, json.get("identical"));
    }
}
