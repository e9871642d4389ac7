package dev.assay.viz.chart;

import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Distribution;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftKind;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;

/**
 * Drift pictures: per column, the reference and current shares on the same bins (numbers as
 * overlaid histograms, categories as grouped bars) with the method, statistic and verdict in
 * the title; and a thumbnail of the same for the summary table.
 */
public final class DriftCharts {

    public static final int WIDTH = 440;
    public static final int HEIGHT = 270;
    public static final int COLUMNS = 2;
    /** At most this many columns are drawn in the result's picture (drifted ones first), to bound its size. */
    public static final int MAX_CHARTS = 40;

    private DriftCharts() {
    }

    /** Every compared column's chart, for users who restyle or save them (PNG, SVG). */
    public static List<CategoryChart> charts(Drift drift) {
        return charts(drift.columns());
    }

    private static List<CategoryChart> charts(List<ColumnDrift> columns) {
        return columns.stream().filter(c -> c.distribution() != null).map(c -> column(c, WIDTH, HEIGHT, true)).toList();
    }

    /**
     * The charts as one image of small multiples, or null when there is none: drifted columns
     * first, at most {@link #MAX_CHARTS} (a picture of hundreds of columns would hold a hundred
     * megabytes of pixels).
     */
    public static BufferedImage grid(Drift drift) {
        return grid(drift.columns());
    }

    /** {@link #grid(Drift)} of the columns a table shows: a wide drift draws no chart of a column its table leaves out. */
    public static BufferedImage grid(List<ColumnDrift> columns) {
        List<ColumnDrift> shown = new ArrayList<>(columns);
        shown.sort(Comparator.comparing(c -> !c.drifted())); // stable: column order within each group
        List<BufferedImage> images = charts(shown).stream().limit(MAX_CHARTS).map(ChartImages::image).toList();
        return images.isEmpty() ? null : ChartImages.grid(images, COLUMNS);
    }

    /** A small picture of one column's two distributions, no axes or titles, on no background, for a table cell. */
    public static BufferedImage thumbnail(ColumnDrift c) {
        CategoryChart chart = column(c, 180, 60, false);
        var s = chart.getStyler();
        s.setChartTitleVisible(false);
        s.setLegendVisible(false);
        s.setAxisTitlesVisible(false);
        s.setAxisTicksVisible(false);
        s.setPlotGridLinesVisible(false);
        s.setChartPadding(2);
        s.setChartBackgroundColor(Palette.TRANSPARENT);
        s.setPlotBackgroundColor(Palette.TRANSPARENT);
        return ChartImages.transparentImage(chart);
    }

    /** Category charts show this many bars at most: the most frequent, then the rest together. */
    static final int MAX_BARS = 12;

    static CategoryChart column(ColumnDrift c, int width, int height, boolean titled) {
        Distribution d = fewerBars(c.distribution());
        List<String> labels = labels(d);
        CategoryChart chart = ChartStyle.bars(width, height, titled ? title(c) : "",
                titled ? xTitle(c, d) : "", titled ? "share of values" : "");
        var s = chart.getStyler();
        s.setYAxisDecimalPattern("0.#%");
        // Below the plot, the legend never hides a bar.
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setOverlapped(d.isHistogram());
        s.setAvailableSpaceFill(d.isHistogram() ? 0.98 : 0.8);
        if (c.drifted() && titled) {
            s.setChartTitleBoxVisible(true);
            s.setChartTitleBoxBackgroundColor(Palette.translucent(Palette.ALERT, 40));
            s.setChartTitleBoxBorderColor(Palette.ALERT);
        }
        ChartStyle.fitXLabels(chart, labels);
        ChartStyle.labelEveryBar(chart, labels.size()); // a thinned axis misleads about which bar is which
        int alpha = d.isHistogram() ? 150 : 255;
        add(chart, "reference", labels, d.reference(), Palette.translucent(Palette.REFERENCE, alpha));
        add(chart, "current", labels, d.current(), Palette.translucent(Palette.CURRENT, alpha));
        return chart;
    }

    private static void add(CategoryChart chart, String name, List<String> labels, List<Double> shares, Color color) {
        CategorySeries series = chart.addSeries(name, labels, shares);
        series.setFillColor(color);
        series.setLineColor(color);
    }

    /** Categories beyond the first {@link #MAX_BARS} - 1 join the pooled last bar. */
    static Distribution fewerBars(Distribution d) {
        if (d.labels() == null || d.labels().size() <= MAX_BARS) {
            return d;
        }
        int keep = MAX_BARS - 1;
        List<String> labels = new ArrayList<>(d.labels().subList(0, keep));
        labels.add(null);
        return new Distribution(null, null, labels, false, pool(d.reference(), keep), pool(d.current(), keep));
    }

    private static List<Double> pool(List<Double> shares, int keep) {
        List<Double> out = new ArrayList<>(shares.subList(0, keep));
        out.add(shares.subList(keep, shares.size()).stream().mapToDouble(Double::doubleValue).sum());
        return out;
    }

    /** "fare · wasserstein 0.1102 ≥ 0.1 · drifted" or "tip · ks p = 0.31 ≥ 0.05 · no drift". */
    static String title(ColumnDrift c) {
        String measure;
        if (c.method().givesPValue()) {
            measure = String.format(Locale.ROOT, "%s p = %s %s %s", c.method().keyword(), AxisLabels.number(c.pValue()),
                    c.drifted() ? "<" : "≥", AxisLabels.number(c.threshold()));
        } else {
            measure = String.format(Locale.ROOT, "%s %s %s %s", c.method().keyword(), AxisLabels.number(c.statistic()),
                    c.drifted() ? "≥" : "<", AxisLabels.number(c.threshold()));
        }
        return AxisLabels.title(c.name()) + " · " + measure + " · " + (c.drifted() ? "drifted" : "no drift");
    }

    private static String xTitle(ColumnDrift c, Distribution d) {
        if (d.isHistogram()) {
            return c.name() + (d.temporal() ? " (bin start, UTC)" : " (bin start)");
        }
        return c.kind() == DriftKind.TEXT ? c.name() + ": most frequent words" : c.name();
    }

    /** One unique label per bin: the bin's value, its left edge (a number or a time), or the category cut short. */
    static List<String> labels(Distribution d) {
        List<String> raw = new ArrayList<>();
        if (d.isPerValue()) {
            d.values().forEach(v -> raw.add(AxisLabels.value(v)));
        } else if (d.isHistogram()) {
            for (int i = 0; i + 1 < d.edges().size(); i++) {
                double left = d.edges().get(i);
                raw.add(d.temporal() ? AxisLabels.time(left, d.edges().get(i + 1) - left) : AxisLabels.number(left));
            }
        } else {
            d.labels().forEach(l -> raw.add(AxisLabels.category(l)));
        }
        return unique(raw);
    }

    /** XChart merges equal category labels; rounding or cutting can make two equal, so later ones get a mark. */
    static List<String> unique(List<String> labels) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> out = new ArrayList<>();
        for (String l : labels) {
            String u = l;
            for (int k = 2; !seen.add(u); k++) {
                u = l + " #" + k;
            }
            out.add(u);
        }
        return out;
    }
}
