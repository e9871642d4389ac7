package dev.assay.viz.report;

import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import dev.assay.viz.page.Templates;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A report shown in a notebook: the same body as the written page (its styles scoped to the
 * report, so they do not touch the notebook's), the summary tiles as text, and the JSON.
 */
public final class ReportRenderer implements Renderer<QualityReport> {

    @Override
    public MimeBundle render(QualityReport report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(MimeBundle.TEXT_PLAIN, text(report));
        data.put(MimeBundle.TEXT_HTML, body(report));
        data.put(MimeBundle.RESULT_JSON, report.toJson());
        return new MimeBundle(data, Map.of());
    }

    /** The report's HTML without the page around it. */
    static String body(QualityReport report) {
        return Templates.render("report", ReportView.context(report));
    }

    static String text(QualityReport report) {
        StringBuilder t = new StringBuilder(ReportView.title(report));
        t.append(report.file() == null ? "" : " (written to " + report.file() + ")").append('\n');
        ReportView.tiles(report).forEach(tile -> t.append(tile.text()).append('\n'));
        return t.toString().stripTrailing();
    }
}
