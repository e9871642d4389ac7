package dev.assay.dsl.report;

import java.io.IOException;

/**
 * Writes a report's page where the report was placed ({@link QualityReport#file()}) and gives
 * what to show for it. The page is drawn by the rendering layer, which this module does not
 * know: the front door that runs statements provides one.
 */
@FunctionalInterface
public interface ReportWriter {

    /** For a session without rendering: the report is placed and shown, no page is written. */
    ReportWriter NONE = placed -> placed;

    /** Writes {@code placed}'s page (whole or not at all) and returns what to show: the report, or its rendering. */
    Object write(QualityReport placed) throws IOException;
}
