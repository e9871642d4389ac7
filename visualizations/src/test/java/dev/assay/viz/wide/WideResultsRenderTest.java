package dev.assay.viz.wide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Finding;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.report.QualityReport;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.ShownColumns;
import dev.assay.viz.report.ReportPage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Results of 10,000 columns stay readable and small: each shows at most
 * {@link ShownColumns#LIMIT} columns, those that need attention first, says what it left
 * out, and what it displays (text, HTML, pictures) stays under {@link #DISPLAY_BOUND}; the
 * JSON keeps every column. A result of {@link ShownColumns#LIMIT} columns shows them all in
 * their order, as before.
 */
class WideResultsRenderTest {

    static final int WIDE = 10_000;
    /** Bytes a front end displays of one result (text/plain, text/html, image/png), and of a report page. */
    static final long DISPLAY_BOUND = 2_000_000;
    private static final RendererRegistry REGISTRY = RendererRegistry.withDefaults();
    /** A row of a text table: its first cell names a column (check rules: inside the measure's parentheses). */
    private static final Pattern ROW = Pattern.compile("^(?:missing\\()?(c\\d{5})\\b");

    static long displayedBytes(MimeBundle b) {
        long bytes = 0;
        for (Map.Entry<String, Object> e : b.data().entrySet()) {
            if (!e.getKey().equals(MimeBundle.RESULT_JSON)) {
                bytes += String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }

    /** The column named first on each line of {@code text} from the line starting with {@code from}, until a blank or other line. */
    static List<String> rows(String text, String from) {
        List<String> names = new ArrayList<>();
        boolean in = from == null;
        for (String line : text.split("\n")) {
            if (!in) {
                in = line.startsWith(from);
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (m.find()) {
                names.add(m.group(1));
            } else if (!names.isEmpty()) {
                break;
            }
        }
        return names;
    }

    /** Bytes of base64 PNG one picture may take (its pixels are bounded: a grid of at most 60 charts). */
    static final int PICTURE_BOUND = 1_000_000;
    private static final Pattern PICTURE = Pattern.compile("data:image/png;base64,([A-Za-z0-9+/=]+)");

    /** Every picture of the bundle (image/png, and those inside the HTML) under {@link #PICTURE_BOUND}. */
    private static void assertPicturesBounded(MimeBundle b) {
        List<Integer> sizes = new ArrayList<>();
        if (b.data().get(MimeBundle.IMAGE_PNG) instanceof String png) {
            sizes.add(png.length());
        }
        Matcher m = PICTURE.matcher(html(b));
        while (m.find()) {
            sizes.add(m.group(1).length());
        }
        assertTrue(sizes.stream().allMatch(n -> n < PICTURE_BOUND), "picture sizes " + sizes);
    }

    private static MimeBundle render(Object value) {
        MimeBundle b = REGISTRY.render(value);
        assertPicturesBounded(b);
        System.out.printf("%s of %,d columns: %,d bytes displayed, %,d bytes of JSON%n", value.getClass().getSimpleName(), WIDE,
                displayedBytes(b), String.valueOf(b.data().get(MimeBundle.RESULT_JSON)).length());
        return b;
    }

    private static String html(MimeBundle b) {
        return (String) b.data().get(MimeBundle.TEXT_HTML);
    }

    private static void assertShowsNotableFirst(List<String> shown) {
        assertEquals(ShownColumns.LIMIT, shown.size(), "rows shown: " + shown.size());
        assertEquals(new HashSet<>(WideResults.notable(WIDE)), new HashSet<>(shown.subList(0, WideResults.NOTABLE)),
                "the columns that need attention come first: " + shown.subList(0, WideResults.NOTABLE + 3));
    }

    private static void assertSaysWhatIsLeftOut(MimeBundle b, String what) {
        String note = "showing 50 of 10,000 " + what;
        assertTrue(b.plainText().contains(note), "text says '" + note + "'");
        assertTrue(html(b).contains(note), "HTML says '" + note + "'");
        assertTrue(b.plainText().contains(MimeBundle.RESULT_JSON), "text says where the rest is");
    }

    @Test
    void aWideProfileShowsColumnsWithFindingsThenTheMostMissing() {
        Profile profile = WideResults.profile(WIDE);
        MimeBundle b = render(profile);
        assertTrue(displayedBytes(b) < DISPLAY_BOUND, displayedBytes(b) + " bytes displayed");
        List<String> shown = rows(b.plainText(), "column ");
        assertShowsNotableFirst(shown);
        List<Long> missing = new ArrayList<>();
        for (String name : shown.subList(WideResults.NOTABLE, shown.size())) {
            missing.add(profile.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().missing());
        }
        List<Long> sorted = new ArrayList<>(missing);
        sorted.sort(Comparator.reverseOrder());
        assertEquals(sorted, missing, "then the most missing first");
        long mostMissingOfTheRest = profile.columns().stream().filter(c -> !WideResults.notable(WIDE).contains(c.name()))
                .mapToLong(ColumnProfile::missing).max().orElseThrow();
        assertEquals(mostMissingOfTheRest, missing.get(0));
        assertSaysWhatIsLeftOut(b, "columns");
        assertEquals(ShownColumns.LIMIT, html(b).split("<tr><td style=\"text-align:left\"><b>", -1).length - 1, "HTML rows");
        assertEquals(WIDE, ((List<?>) ((Map<?, ?>) b.data().get(MimeBundle.RESULT_JSON)).get("columns")).size(),
                "the JSON keeps every column");
        assertNotNull(b.data().get(MimeBundle.IMAGE_PNG), "charts of the columns shown");
        assertTrue(html(b).contains("alt=\"charts: missing values and the columns shown\""), "the charts say they are of the columns shown");
    }

    @Test
    void aWideDriftShowsTheDriftedColumnsFirstWithAThumbnailEach() {
        MimeBundle b = render(WideResults.drift(WIDE));
        assertTrue(displayedBytes(b) < DISPLAY_BOUND, displayedBytes(b) + " bytes displayed");
        assertShowsNotableFirst(rows(b.plainText(), "column "));
        assertSaysWhatIsLeftOut(b, "columns");
        assertEquals(ShownColumns.LIMIT, html(b).split("<img alt=\"distributions\"", -1).length - 1,
                "a thumbnail per row shown, none for the others");
        assertTrue(b.plainText().startsWith("Drift from train (10,000 rows) to test (10,000 rows): 7 of 10,000 columns drifted"),
                b.plainText().substring(0, 200));
    }

    @Test
    void aWideDiffShowsTheChangedColumnsFirstAndFiftyColumnsOfEachExampleRow() {
        MimeBundle b = render(WideResults.diff(WIDE));
        assertTrue(displayedBytes(b) < DISPLAY_BOUND, displayedBytes(b) + " bytes displayed");
        assertShowsNotableFirst(rows(b.plainText(), "Columns (wide@1 -> wide@2"));
        assertSaysWhatIsLeftOut(b, "columns");
        assertTrue(b.plainText().contains("showing the first 50 of 10,000 columns of each row"), "example rows are cut too");
        assertEquals(WideResults.notable(WIDE).size(), rows(b.plainText(), "Changed columns").size(), "every changed column");
    }

    @Test
    void aWideCheckShowsTheFailedRulesFirst() {
        MimeBundle b = render(WideResults.check(WIDE));
        assertTrue(displayedBytes(b) < DISPLAY_BOUND, displayedBytes(b) + " bytes displayed");
        assertShowsNotableFirst(rows(b.plainText(), "rule "));
        assertSaysWhatIsLeftOut(b, "rules");
        assertTrue(b.plainText().startsWith("Check wide FAILED: 7 of 10,000 rules did not hold"), b.plainText().substring(0, 100));
    }

    @Test
    void wideDuplicatesLeakageAndPreviewsShowTheirFirstColumns() {
        for (Object value : List.of(WideResults.duplicates(WIDE), WideResults.leakage(WIDE), WideResults.preview(WIDE))) {
            MimeBundle b = render(value);
            assertTrue(displayedBytes(b) < DISPLAY_BOUND / 10, value.getClass().getSimpleName() + ": " + displayedBytes(b));
            assertTrue(b.plainText().contains("showing the first 50 of 10,000 columns"), b.plainText().substring(0, 300));
            assertFalse(html(b).contains(WideResults.name(ShownColumns.LIMIT)), "no column after the first 50");
        }
    }

    @Test
    void aReportOfTenThousandColumnsUsesTheSameBounds(@TempDir Path folder) {
        for (int columns : new int[] {1_000, WIDE}) {
            var report = WideResults.report(columns, folder);
            long page = ReportPage.document(report).getBytes(StandardCharsets.UTF_8).length;
            MimeBundle b = REGISTRY.render(report);
            System.out.printf("report of %,d columns: page %,d bytes, %,d bytes displayed%n", columns, page, displayedBytes(b));
            assertTrue(page < DISPLAY_BOUND, columns + " columns: a page of " + page + " bytes");
            assertTrue(displayedBytes(b) < DISPLAY_BOUND, columns + " columns: " + displayedBytes(b) + " bytes displayed");
            String shown = "showing 50 of " + String.format("%,d", columns) + " columns";
            assertTrue(html(b).contains(shown), "profile and drift say what they leave out");
        }
    }

    @Test
    void aReportListsFiftyPersonalDataFindingsAndSaysHowManyMore(@TempDir Path folder) {
        var wide = WideResults.report(WIDE, folder);
        Profile p = wide.profile();
        List<Finding> findings = new ArrayList<>(p.findings());
        for (int i = 1; i < WIDE; i += 2) { // every text column holds e-mail addresses
            findings.add(new Finding(WideResults.name(i), "pii", "personal data: 3 values hold e-mail addresses", 3));
        }
        var report = new QualityReport(wide.dataset(), new Profile(p.dataset(), p.rows(), p.columns(), p.duplicateColumns(), findings),
                wide.duplicateRows(), null, wide.comparison(), List.of(), wide.checks(), wide.created(), null, wide.output());
        String page = ReportPage.document(report);
        assertTrue(page.getBytes(StandardCharsets.UTF_8).length < DISPLAY_BOUND, "a page of " + page.length() + " characters");
        assertTrue(page.contains("showing the first 50 of 5,000 personal-data findings"), "the report says what it left out");
        assertEquals(ShownColumns.LIMIT, page.split("<p class=\"finding\">", -1).length - 1, "50 findings listed");
    }

    @Test
    void resultsOfFiftyColumnsShowThemAllInTheirOrder(@TempDir Path folder) {
        int columns = ShownColumns.LIMIT;
        List<String> all = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            all.add(WideResults.name(i));
        }
        MimeBundle profile = REGISTRY.render(WideResults.profile(columns));
        assertEquals(all, rows(profile.plainText(), "column "));
        assertEquals(all, rows(REGISTRY.render(WideResults.drift(columns)).plainText(), "column "));
        assertEquals(all, rows(REGISTRY.render(WideResults.diff(columns)).plainText(), "Columns (wide@1 -> wide@2"));
        assertEquals(all, rows(REGISTRY.render(WideResults.check(columns)).plainText(), "rule "));
        for (Object value : List.of(WideResults.profile(columns), WideResults.drift(columns), WideResults.diff(columns),
                WideResults.check(columns), WideResults.duplicates(columns), WideResults.leakage(columns),
                WideResults.preview(columns), WideResults.report(columns, folder))) {
            MimeBundle b = REGISTRY.render(value);
            assertFalse(html(b).contains("showing "), value.getClass().getSimpleName() + " says nothing is left out");
            assertTrue(html(b).contains(WideResults.name(columns - 1)), "the last column is shown");
        }
    }
}
