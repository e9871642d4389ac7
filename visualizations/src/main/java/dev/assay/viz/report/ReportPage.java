package dev.assay.viz.report;

import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.page.StandalonePage;
import java.io.IOException;
import java.nio.file.Path;

/** A report as one self-contained HTML page (see {@link StandalonePage}). */
public final class ReportPage {

    private ReportPage() {
    }

    public static String document(QualityReport report) {
        return StandalonePage.html(ReportView.title(report), ReportRenderer.body(report));
    }

    /**
     * Writes the page to {@code file} (whole or not at all) and returns where it went: relative
     * to the working folder, where the workspace's {@code OutputRule} allows.
     */
    public static Path write(QualityReport report, Path file) throws IOException {
        QualityReport placed = report.to(file);
        writeChecked(placed, document(placed));
        return placed.file();
    }

    /**
     * Writes the page where the report was marked to go ({@code report ... to 'file.html'}),
     * around the body of {@code shown}, the report's bundle as the notebook shows it: its
     * charts are drawn once for both.
     */
    public static Path write(QualityReport report, MimeBundle shown) throws IOException {
        if (report.file() == null) {
            throw new IllegalArgumentException("the report of " + report.dataset() + " has no file: give one");
        }
        writeChecked(report, StandalonePage.html(ReportView.title(report), (String) shown.data().get(MimeBundle.TEXT_HTML)));
        return report.file();
    }

    /**
     * The {@code ReportWriter} of a notebook: writes the page of a report placed by
     * {@code report ... to 'file.html'} and returns the bundle to show, with a note of where
     * the page went; the charts are drawn once for both.
     */
    public static MimeBundle writeAndShow(QualityReport placed) throws IOException {
        MimeBundle shown = new ReportRenderer().render(placed);
        write(placed, shown);
        return WrittenPageNote.add(shown, placed.file(), placed.output().workingFolder());
    }

    /** What is at the target may have changed since the statement named it: checked again at the last moment. */
    private static void writeChecked(QualityReport report, String document) throws IOException {
        report.output().checkTarget(report.file(), report.file().toString());
        StandalonePage.write(report.file(), document);
    }
}
