package dev.assay.viz.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The labels section of a report: asked for, it shows what {@code labels} shows, against the report's second dataset. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLabelsSectionTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT i AS id, CASE WHEN i % 4 = 0 THEN 'spam' ELSE 'ham' END AS label FROM range(40) r(i)", "train");
        ws.query("SELECT i AS id, CASE WHEN i % 3 = 0 THEN 'eggs' ELSE 'ham' END AS label FROM range(12) r(i)", "test");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void aReportAskedForLabelsShowsTheLabelsSectionAgainstItsSecondDataset() {
        QualityReport report = ws.dataset("train").report(ws.dataset("test"), LabelsPlan.on("label"));
        assertEquals("test", report.labels().vs().other(), "the report's second dataset is the labels' vs");
        assertTrue(ReportView.tiles(report).stream().anyMatch(t -> t.label().equals("Labels")));
        MimeBundle bundle = RendererRegistry.withDefaults().render(report);
        String html = (String) bundle.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("<h2>Labels: label</h2>"), html);
        assertTrue(html.contains("assay-labels"), "the labels renderer's own HTML: " + html);
        assertTrue(html.contains("data:image/png;base64,"), "with its pictures");
        assertTrue(html.contains("new_labels"), "eggs is only in test: " + html);
        Map<?, ?> labels = (Map<?, ?>) ((Map<?, ?>) bundle.data().get(MimeBundle.RESULT_JSON)).get("labels");
        assertEquals("labels", labels.get("kind"));
        assertEquals("test", ((Map<?, ?>) labels.get("vs")).get("dataset"));
    }

    @Test
    void aReportNotAskedHasNoLabelsSection() {
        QualityReport report = ws.dataset("train").report();
        assertNull(report.labels());
        String html = (String) RendererRegistry.withDefaults().render(report).data().get(MimeBundle.TEXT_HTML);
        assertFalse(html.contains("<h2>Labels"), html);
    }

    @Test
    void aMisspeltLabelIsRefusedWithTheClosestName() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("train").report(null, LabelsPlan.on("lable"))).getMessage();
        assertTrue(message.contains("did you mean 'label'"), message);
    }
}
