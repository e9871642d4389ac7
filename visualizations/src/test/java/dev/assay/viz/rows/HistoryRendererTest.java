package dev.assay.viz.rows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.history.HistoryColumn;
import dev.assay.dsl.history.HistoryDrift;
import dev.assay.dsl.history.HistoryVersion;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.chart.HistoryCharts;
import dev.assay.viz.chart.Palette;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** history's pictures and text: a PNG, failed checks marked with a legend, bounded on 1,000 columns. */
class HistoryRendererTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private final RendererRegistry registry = RendererRegistry.withDefaults();

    /** {@code versions} versions of {@code width} columns c0..; c{shifted} drifts at version 3; {@code failed} failed its check. */
    private static MetricHistory history(int versions, int width, int shifted, int failed) {
        List<HistoryVersion> entries = new ArrayList<>();
        List<String> names = IntStream.range(0, width).mapToObj(i -> "c" + i).toList();
        for (int k = 1; k <= versions; k++) {
            int version = k;
            StoredVersion v = new StoredVersion("t", k, new Fingerprint("sha256:" + String.format("%064x", k)), 100L * k,
                    names.stream().map(n -> new Column(n, "DOUBLE")).toList(), Instant.parse("2026-12-0" + k + "T08:00:00Z"),
                    List.of(), List.of(), "00", 1);
            List<HistoryColumn> columns = names.stream().map(n -> new HistoryColumn(n, true, (long) version, 50L,
                    n.equals("c" + shifted) && version >= 3 ? 500.0 : 1.0, 1.0, 0.0, 2.0, Map.of("0.5", 1.0))).toList();
            HistoryDrift drift = k == 1 ? null : new HistoryDrift(names, k == 3 ? List.of("c" + shifted) : List.of(), null);
            entries.add(new HistoryVersion(v, k == failed ? Boolean.FALSE : k == 1 ? Boolean.TRUE : null, columns, drift));
        }
        return new MetricHistory("t", List.of(), entries);
    }

    private static BufferedImage png(MimeBundle b) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) b.data().get(MimeBundle.IMAGE_PNG))));
    }

    private static long pixels(BufferedImage image, java.awt.Color colour) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                n += (image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF) ? 1 : 0;
            }
        }
        return n;
    }

    @Test
    void aHistoryHasItsChartsTextAndJson() throws IOException {
        MetricHistory h = history(4, 3, 1, 2);
        MimeBundle b = registry.render(h);
        assertEquals(h.toJson(), b.data().get(MimeBundle.RESULT_JSON));
        BufferedImage image = png(b);
        assertEquals(HistoryCharts.WIDTH * HistoryCharts.COLUMNS, image.getWidth());
        assertEquals(HistoryCharts.HEIGHT * 4, image.getHeight(), "the label's row, then one row per column");
        String html = (String) b.data().get(MimeBundle.TEXT_HTML);
        assertTrue(html.contains("data:image/png;base64,"), html);
        String text = b.plainText();
        assertTrue(text.startsWith("History of 't': 4 versions, 1 whose check failed"), text);
        assertTrue(text.contains("t@2") && text.contains("failed") && text.contains("not checked"), text);
        assertTrue(text.contains("1 → 2 → 3 → 4"), "missing by version: " + text);
        assertEquals("c1", HistoryCharts.drawnColumns(h).get(0), "the drifted column is drawn first");
    }

    @Test
    void versionsWhoseCheckFailedAreMarkedWithALegend() throws IOException {
        MetricHistory h = history(4, 2, 0, 2);
        XYChart rows = HistoryCharts.charts(h).get(0);
        XYSeries failed = rows.getSeriesMap().get(HistoryCharts.FAILED);
        assertNotNull(failed, "a series of the failed versions, named in the legend");
        assertEquals(List.of(2.0), java.util.Arrays.stream(failed.getXData()).boxed().toList());
        assertEquals(List.of(200.0), java.util.Arrays.stream(failed.getYData()).boxed().toList(), "on the line, at v2's rows");
        assertTrue(rows.getStyler().isLegendVisible());
        assertTrue(pixels(png(registry.render(h)), Palette.ALERT) > 0, "the diamonds are vermillion");

        MetricHistory none = history(4, 2, 0, -1);
        assertFalse(HistoryCharts.charts(none).get(0).getSeriesMap().containsKey(HistoryCharts.FAILED));
        assertEquals(0, pixels(png(registry.render(none)), Palette.ALERT), "nothing marked when every check passed");
    }

    @Test
    void aThousandColumnsDrawTwelveAndListTheRestBounded() throws IOException {
        MetricHistory h = history(6, 1000, 700, 4);
        List<String> drawn = HistoryCharts.drawnColumns(h);
        assertEquals(HistoryCharts.MAX_COLUMNS, drawn.size());
        assertEquals("c700", drawn.get(0), "the column that drifted");
        MimeBundle b = registry.render(h);
        BufferedImage image = png(b);
        assertEquals(HistoryCharts.HEIGHT * (1 + HistoryCharts.MAX_COLUMNS), image.getHeight());
        String text = b.plainText();
        assertTrue(text.contains("Charts of 12 of 1,000 columns"), text);
        assertTrue(text.contains("showing the first 50 of 988 columns"), text);
        assertTrue(text.length() < 30_000, "text bounded: " + text.length());
        assertTrue(((String) b.data().get(MimeBundle.TEXT_HTML)).length() < 2_000_000);
    }
}
