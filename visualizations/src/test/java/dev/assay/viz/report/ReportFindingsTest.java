package dev.assay.viz.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.report.OutputRule;
import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.profile.IntegrityProfiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report shows the profile's findings first (right under its summary tiles), in their rank
 * with the rows they touch, then the columns equal on every row and the columns' integrity notes.
 */
class ReportFindingsTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void findingsOpenTheReportInTheirRank(@TempDir Path folder) {
        Profile p = IntegrityProfiles.profile();
        QualityReport report = new QualityReport(p.dataset(), p, new Duplicates(p.dataset(), p.rows(), List.of("price"), false, 0, 0,
                List.of(), null), null, null, List.of(), List.of(), Instant.parse("2026-12-07T01:00:00Z"), null,
                new OutputRule(folder, folder.resolve(".assay")));
        String page = ReportPage.document(report);
        int tiles = page.indexOf("class=\"tiles\"");
        int first = page.indexOf("60.0% missing (600 of 1,000 rows)");
        int second = page.indexOf("40 values mean missing");
        int third = page.indexOf("12 values outside");
        assertTrue(tiles > 0 && tiles < first && first < second && second < third, "ranked, right after the tiles");
        assertTrue(third < page.indexOf("<table>"), "before any table");
        assertTrue(third < page.indexOf("<h2>Duplicates</h2>"), "before the other sections");
        assertTrue(page.contains("600 rows, 60.0%"), "with the rows each touches");
        assertTrue(page.contains("Columns equal on every row: price = price_copy"), "duplicate columns");
        assertTrue(page.contains("12 IQR outliers") && page.contains("40 null-like"), "integrity notes in the columns' rows");
    }
}
