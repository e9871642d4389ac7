package dev.assay.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The report's suggested check: the one {@code suggest check for} gives, tried on the report's second dataset. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportSuggestionSectionTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT i AS id, i * 2 AS x FROM range(40) r(i)", "train");
        ws.query("SELECT i AS id, i * 3 AS x FROM range(12) r(i)", "test");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void aReportShowsTheSuggestedCheckOfItsDataset() {
        QualityReport report = ws.dataset("train").report();
        Suggestion expected = ws.dataset("train").suggestCheck();
        assertEquals(expected, report.suggestion());
        MimeBundle bundle = RendererRegistry.withDefaults().render(report);
        String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<h2>Suggested check</h2>"), html);
        assertTrue(html.contains("<code>check train: rows &gt;= 36"), html);
        Map<?, ?> json = (Map<?, ?>) ((Map<?, ?>) bundle.data().get(MimeBundle.RESULT_JSON)).get("suggestion");
        assertEquals(expected.statement(), json.get("statement"));
        assertNull(json.get("holdout"));
    }

    @Test
    void aReportVersusAnotherDatasetTriesTheRulesOnIt() {
        QualityReport report = ws.dataset("train").report(ws.dataset("test"));
        assertEquals(ws.dataset("train").suggestCheck(ws.dataset("test")), report.suggestion());
        assertEquals("test", report.suggestion().holdout());
        assertTrue(report.suggestion().widened().stream().anyMatch(w -> w.rule().text().equals("rows >= 10")),
                report.suggestion().toJson().toString()); // 12 rows in test: 90% rounded down
        String html = (String) RendererRegistry.withDefaults().render(report).data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<code>suggest check for train vs test</code>"), html);
        assertTrue(html.contains("Widened, as the holdout test broke them"), html);
    }
}
