package dev.assay.viz.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.ShownColumns;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.knowm.xchart.CategoryChart;

/**
 * The pictures of drift and profile results, drawn from real results of a real DuckDB: every
 * PNG decodes, has the size its metadata says and is not blank, and the palette's reference
 * and current colours are where two distributions are drawn.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartsTest {

    private final RendererRegistry registry = RendererRegistry.withDefaults();
    private Workspace ws;
    private Drift drift;
    private Profile profile;

    @BeforeAll
    void open() {
        System.setProperty("java.awt.headless", "true");
        ws = Workspace.embedded();
        String columns = "CASE WHEN i % 17 = 0 THEN NULL ELSE (i % 97) * SCALE END AS amount, "
                + "TIMESTAMP '2024-03-01' + INTERVAL (i * 7) MINUTE AS at, "
                + "'a very long category name that needs cutting, number ' || (i % 30) AS category, "
                + "i % 3 = 0 AS flag, '<script>x</script>' || (i % 2) AS html";
        ws.query("SELECT " + columns.replace("SCALE", "1.0") + " FROM range(3000) r(i)", "before");
        ws.query("SELECT " + columns.replace("SCALE", "1.3") + " FROM range(2000) r(i)", "after");
        drift = ws.dataset("before").drift(ws.dataset("after"), DriftPlan.auto());
        profile = ws.dataset("before").profile();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private static BufferedImage decoded(MimeBundle b) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) b.data().get(MimeBundle.IMAGE_PNG))));
        Map<?, ?> size = (Map<?, ?>) b.metadata().get(MimeBundle.IMAGE_PNG);
        assertEquals(size.get("width"), image.getWidth());
        assertEquals(size.get("height"), image.getHeight());
        return image;
    }

    private static IntStream pixels(BufferedImage image) {
        return Arrays.stream(image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth()))
                .map(rgb -> rgb & 0xFFFFFF);
    }

    /** The share of pixels that are not white. */
    private static double inked(BufferedImage image) {
        return (double) pixels(image).filter(rgb -> rgb != 0xFFFFFF).count() / ((long) image.getWidth() * image.getHeight());
    }

    /** True when some pixel is within a small distance of the colour. */
    private static boolean has(BufferedImage image, Color c) {
        return pixels(image).anyMatch(rgb -> Math.abs((rgb >> 16) - c.getRed()) + Math.abs(((rgb >> 8) & 0xFF) - c.getGreen())
                + Math.abs((rgb & 0xFF) - c.getBlue()) < 12);
    }

    @Test
    void driftBundleCarriesOneChartPerColumnAsPng() throws Exception {
        MimeBundle b = registry.render(drift);
        BufferedImage image = decoded(b);
        int rows = (drift.columns().size() + DriftCharts.COLUMNS - 1) / DriftCharts.COLUMNS;
        assertEquals(DriftCharts.COLUMNS * DriftCharts.WIDTH, image.getWidth());
        assertEquals(rows * DriftCharts.HEIGHT, image.getHeight());
        double ink = inked(image);
        assertTrue(ink > 0.05 && ink < 0.8, "drawn, not blank and not a solid block: " + ink);
        assertTrue(has(image, Palette.REFERENCE) && has(image, Palette.CURRENT), "both series in their palette colours");
    }

    @Test
    void driftHtmlHasAThumbnailPerColumnAndMarksDriftedRows() throws Exception {
        String html = (String) registry.render(drift).data().get(MimeBundle.TEXT_HTML);
        int thumbnails = html.split("<img alt=\"distributions\" src=\"data:image/png;base64,", -1).length - 1;
        assertEquals(drift.columns().size(), thumbnails, html);
        long drifted = drift.driftedColumns();
        assertTrue(drifted > 0, "the scaled amount drifts");
        assertEquals(drifted, html.split("<tr style=\"background:#fbe3d6\">", -1).length - 1);
        assertTrue(!html.contains("<script>x"), "text in charts' tables stays escaped");
        BufferedImage thumb = DriftCharts.thumbnail(drift.column("amount"));
        assertTrue(inked(thumb) > 0.05, "the thumbnail shows bars");
        // No white box on a notebook's grey striped rows: the thumbnail's background is transparent, in the PNG too.
        String png = html.split("<img alt=\"distributions\" src=\"data:image/png;base64,", -1)[1].split("\"", 2)[0];
        BufferedImage decodedThumb = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(png)));
        assertTrue(decodedThumb.getColorModel().hasAlpha(), "a PNG with alpha");
        assertEquals(0, decodedThumb.getRGB(0, 0) >>> 24, "a transparent corner");
        assertTrue(html.contains("<div class=\"assay-charts\"><img alt=\"reference and current distributions\""),
                "the full charts also in the HTML, which JupyterLab prefers to the PNG");
        String plain = registry.render(drift).plainText();
        assertTrue(!plain.contains("reference / current"), "the picture column is for HTML only: " + plain);
    }

    @Test
    void profileBundleShowsMissingValuesThenEveryColumn() throws Exception {
        MimeBundle b = registry.render(profile);
        BufferedImage image = decoded(b);
        List<String> titles = ProfileCharts.charts(profile).stream().map(c -> c.getTitle()).toList();
        // amount and at: histograms; category, flag and html: top values (categories: no string lengths).
        assertEquals(List.of("Missing values in before", "amount (decimal(21,1))", "at (timestamp)", "category (varchar)",
                "flag (boolean)", "html (varchar)"), titles);
        int rows = (titles.size() - 1 + ProfileCharts.COLUMNS - 1) / ProfileCharts.COLUMNS;
        assertEquals(ProfileCharts.COLUMNS * ProfileCharts.WIDTH, image.getWidth());
        assertEquals((rows + 1) * ProfileCharts.HEIGHT, image.getHeight(), "the missing-values chart spans the top row");
        assertTrue(inked(image) > 0.05, "not blank");
        assertTrue(has(image, Palette.ALERT), "amount has missing values, drawn in the alert colour");
        assertTrue(has(image, Palette.SINGLE));
    }

    @Test
    void oneColumnAndOneCategoryStillDraw() throws Exception {
        ws.query("SELECT 'only' AS label FROM range(10)", "single");
        for (Object result : List.of(ws.dataset("single").profile(),
                ws.dataset("single").drift(ws.dataset("single"), DriftPlan.auto()))) {
            MimeBundle b = registry.render(result);
            assertFalse(b.plainText().contains("could not be drawn"), b.plainText());
            assertTrue(inked(decoded(b)) > 0.01, "a picture, not a blank");
        }
    }

    private static List<?> xLabels(CategoryChart chart) {
        return chart.getSeriesMap().values().iterator().next().getXData().stream().toList();
    }

    @Test
    void fewValuedNumbersAreDrawnAsABarPerValueLabelledWithIt() {
        ws.query("SELECT (i % 100 >= 62)::BIGINT AS survived, 1 + i % 3 AS pclass FROM range(800) r(i)", "few_ref");
        ws.query("SELECT (i % 100 >= 60)::BIGINT AS survived, 1 + i % 4 % 3 AS pclass FROM range(200) r(i)", "few_cur");
        Drift d = ws.dataset("few_ref").drift(ws.dataset("few_cur"), DriftPlan.auto());
        assertEquals(List.of("0", "1"), xLabels(DriftCharts.column(d.column("survived"), 440, 270, true)));
        assertEquals(List.of("1", "2", "3"), xLabels(DriftCharts.column(d.column("pclass"), 440, 270, true)));
        Profile p = ws.dataset("few_ref").profile();
        assertEquals(List.of("0", "1"), xLabels(ProfileCharts.column(p.columns().get(0)).get(0)));
        assertEquals(List.of("1", "2", "3"), xLabels(ProfileCharts.column(p.columns().get(1)).get(0)));
    }

    @Test
    void freeTextIsDrawnByItsLengthsNotByTenBarsOfOne() {
        ws.query("SELECT 'message number ' || i || repeat(' word', i % 7) AS text FROM range(500) r(i)", "texts");
        Profile p = ws.dataset("texts").profile();
        List<CategoryChart> charts = ProfileCharts.charts(p);
        assertEquals(List.of("text length (varchar)"), charts.stream().map(c -> c.getTitle()).toList(),
                "no missing-values chart (nothing missing) and no top values (none repeats)");
        // 3 + i % 7 words for i < 500: mean 3 + 1494 / 500.
        String xTitle = charts.get(0).getXAxisTitle();
        assertTrue(xTitle.contains("words 3-9, mean 5.988"), xTitle);
        assertEquals(p.columns().get(0).lengthHistogram().counts().size(), xLabels(charts.get(0)).size());

        ws.query("SELECT CASE WHEN i < 20 THEN 'call me later' ELSE 'message number ' || i END AS text FROM range(500) r(i)",
                "repeating_texts");
        assertEquals(List.of("text length (varchar)", "text (varchar)"),
                ProfileCharts.charts(ws.dataset("repeating_texts").profile()).stream().map(c -> c.getTitle()).toList(),
                "mostly distinct text with a repeated message: its lengths and its top values");
    }

    @Test
    void wideResultsDrawABoundedPicture() throws Exception {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int c = 0; c < 70; c++) {
            select.append(c == 0 ? "" : ", ").append("(i * ").append(c + 1).append(") % 50 AS c").append(c);
        }
        ws.query(select + " FROM range(200) r(i)", "wide");
        BufferedImage profileImage = decoded(registry.render(ws.dataset("wide").profile()));
        // 70 columns: the table shows 50 (ShownColumns.LIMIT), and only they get a chart, one each.
        int charts = Math.min(ProfileCharts.MAX_CHARTS, ShownColumns.LIMIT);
        assertEquals((charts + ProfileCharts.COLUMNS - 1) / ProfileCharts.COLUMNS * ProfileCharts.HEIGHT, profileImage.getHeight(),
                "no missing-values chart: nothing is missing");
        ws.query(select.toString().replace("% 50", "% 47") + " FROM range(300) r(i)", "wide_other");
        BufferedImage driftImage = decoded(registry.render(ws.dataset("wide").drift(ws.dataset("wide_other"))));
        assertEquals(DriftCharts.MAX_CHARTS / DriftCharts.COLUMNS * DriftCharts.HEIGHT, driftImage.getHeight());
    }

    @Test
    void chartsRenderThroughTheRegistryAndAsSvg() throws Exception {
        CategoryChart chart = DriftCharts.charts(drift).get(0);
        MimeBundle b = registry.render(chart);
        assertTrue(b.plainText().startsWith("<chart amount · "), b.plainText());
        assertTrue(inked(decoded(b)) > 0.05);
        String svg = ChartImages.svg(chart);
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg.substring(0, Math.min(200, svg.length())));
    }

    @Test
    void labelsStayShortDistinctAndReadable() {
        assertEquals("Upper Ea…e North", AxisLabels.category("Upper East Side North"));
        assertEquals("Upper Ea…e South", AxisLabels.category("Upper East Side South"));
        assertEquals("(other)", AxisLabels.category(null));
        assertEquals(List.of("a", "b", "a #2"), DriftCharts.unique(List.of("a", "b", "a")));
        assertEquals("15k", AxisLabels.number(15000.0));
        assertEquals("1500", AxisLabels.number(1500.0));
        assertEquals("2.5M", AxisLabels.number(2.5e6));
        assertEquals("0.125", AxisLabels.number(0.125));
        assertEquals("3", AxisLabels.number(3.0));
        double march1 = 1_709_251_200e6; // 2024-03-01T00:00Z in microseconds
        assertEquals("2024-03-01", AxisLabels.time(march1, 86_400e6));
        assertEquals("03-01 00:00", AxisLabels.time(march1, 3_600e6));
        assertEquals("03-01 00:00:00", AxisLabels.time(march1, 10e6));
    }
}
