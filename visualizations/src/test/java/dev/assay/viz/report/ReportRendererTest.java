package dev.assay.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRendererTest {

    private Workspace ws;

    @BeforeAll
    void open(@TempDir Path store) {
        ws = Workspace.embedded();
        ws.useStore(store.toString());
        ws.sql("""
                CREATE TABLE notes AS SELECT * FROM (VALUES
                  (1, '<script>alert(1)</script> is not markup here, it is a note'),
                  (2, 'a perfectly ordinary note about nothing in particular'),
                  (2, 'a perfectly ordinary note about nothing in particular')) v(id, body)""", null);
        ws.sql("CREATE TABLE fresh AS SELECT * FROM (VALUES (3, 'a brand new note that nobody has seen before today')) v(id, body)",
                null);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void theTilesSayWhatNeedsALook() {
        ws.dataset("notes").evaluate(Measure.rows().greaterThan(100));
        QualityReport report = ws.dataset("notes").report(ws.dataset("fresh"));
        List<ReportTile> tiles = ReportView.tiles(report);

        assertEquals(List.of("Rows", "Missing cells", "Duplicate rows", "Near duplicates", "Personal data", "Leaked rows",
                "Near leaks", "Drift", "Checks"), tiles.stream().map(ReportTile::label).toList());
        ReportTile duplicates = tiles.get(2);
        assertEquals(new ReportTile("Duplicate rows", "1", "33.3% of rows", "warn"), duplicates);
        assertEquals("ok", tiles.get(5).level(), "fresh shares no row with notes");
        ReportTile checks = tiles.get(8);
        assertEquals("0 of 1 passed", checks.value());
        assertEquals("bad", checks.level());
        String text = new ReportRenderer().render(report).plainText();
        assertTrue(text.startsWith("Quality report: notes vs fresh\n"), text);
        assertTrue(text.contains("\n! Duplicate rows: 1 (33.3% of rows)\n"), text);
        assertTrue(text.contains("\n  Leaked rows: 0 (rows of fresh also in notes)\n"), text);
    }

    @Test
    void theBundleCarriesTheJsonAndHtmlThatEscapesTheData() {
        MimeBundle bundle = RendererRegistry.withDefaults().render(ws.dataset("notes").report());
        String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);

        assertFalse(html.contains("<script>"), "data is text, never markup");
        assertTrue(html.contains("&lt;script&gt;"), "the value is shown, escaped");
        assertTrue(html.contains("<h2>Profile</h2>") && html.contains("<h2>Duplicates</h2>")
                && html.contains("<h2>Personal data</h2>"), html);
        assertFalse(html.contains("<h2>Drift"), "no comparison without vs");
        assertFalse(html.contains("<details"), "charts are never folded away in a report");
        assertTrue(html.contains("src=\"data:image/png;base64,"), "charts are inline");
        assertEquals("report", ((Map<?, ?>) bundle.data().get(MimeBundle.RESULT_JSON)).get("kind"));
    }

    @Test
    void thePageIsWholeAndFetchesNothing(@TempDir Path dir) throws Exception {
        QualityReport report = ws.dataset("notes").report(ws.dataset("fresh")).to(dir.resolve("r/notes.html"));
        Path written = ReportPage.write(report, new ReportRenderer().render(report));

        assertEquals(dir.resolve("r/notes.html").toAbsolutePath(), written);
        String page = Files.readString(written);
        assertTrue(page.startsWith("<!DOCTYPE html>"), page.substring(0, 40));
        assertTrue(page.contains("<title>Quality report: notes vs fresh</title>"), "title");
        assertTrue(page.contains("<h2>Drift from notes to fresh</h2>"), "comparison sections");
        assertFalse(page.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no reference outside the page");
        assertFalse(page.contains("<script"), "no scripts");
    }
}
