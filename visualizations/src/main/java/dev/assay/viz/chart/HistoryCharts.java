package dev.assay.viz.chart;

import dev.assay.dsl.history.HistoryColumn;
import dev.assay.dsl.history.HistoryVersion;
import dev.assay.dsl.history.MetricHistory;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * History pictures: a small line chart per metric over the versions (rows and drifted share of
 * the label; missing, distinct and mean of each drawn column), version numbers on the x axis,
 * versions whose check failed marked by a vermillion diamond with a legend entry. At most
 * {@link #MAX_COLUMNS} columns are drawn, those that changed most ({@link #RULE}).
 */
public final class HistoryCharts {

    public static final int WIDTH = 300;
    public static final int HEIGHT = 190;
    /** Three charts a row: a drawn column's missing, distinct and mean side by side. */
    public static final int COLUMNS = 3;
    /** 12 columns, 36 small charts: a picture of a few megapixels however wide the data. */
    public static final int MAX_COLUMNS = 12;
    public static final String FAILED = "check failed";
    /** How the drawn columns are chosen, as the result says it. */
    public static final String RULE = "those that drifted from the previous version most often, ties by the widest range "
            + "of missing share, then of distinct count (relative), then in column order";

    private HistoryCharts() {
    }

    /** The columns drawn: at most {@link #MAX_COLUMNS}, chosen by {@link #RULE}, in that order. */
    public static List<String> drawnColumns(MetricHistory history) {
        List<String> names = new ArrayList<>(history.columnNames());
        names.sort(Comparator.comparingLong((String c) -> -timesDrifted(history, c))
                .thenComparingDouble(c -> -range(history, c, v -> share(v, c)))
                .thenComparingDouble(c -> -relativeRange(history, c)));
        return names.subList(0, Math.min(MAX_COLUMNS, names.size()));
    }

    /** In how many versions the column was among the drifted ones. */
    public static long timesDrifted(MetricHistory history, String column) {
        return history.versions().stream().filter(v -> v.driftFromPrevious() != null
                && v.driftFromPrevious().drifted().contains(column)).count();
    }

    private static Double share(HistoryVersion v, String column) {
        Long missing = v.column(column).map(HistoryColumn::missing).orElse(null);
        return missing == null || v.version().rows() == 0 ? null : (double) missing / v.version().rows();
    }

    private static double range(MetricHistory history, String column, Function<HistoryVersion, Double> metric) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (HistoryVersion v : history.versions()) {
            Double value = metric.apply(v);
            if (value != null && Double.isFinite(value)) {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        }
        return max >= min ? max - min : 0;
    }

    private static double relativeRange(MetricHistory history, String column) {
        Function<HistoryVersion, Double> distinct = v -> v.column(column).map(HistoryColumn::distinct)
                .map(Long::doubleValue).orElse(null);
        double max = history.versions().stream().map(distinct).filter(d -> d != null).mapToDouble(d -> d).max().orElse(0);
        return max == 0 ? 0 : range(history, column, distinct) / max;
    }

    /** Every chart of the picture, for users who restyle or save them: rows, drifted share, then per drawn column. */
    public static List<XYChart> charts(MetricHistory history) {
        List<XYChart> charts = new ArrayList<>();
        charts.add(line(history, "rows", v -> (double) v.version().rows()));
        charts.add(line(history, "drifted share", v -> v.driftFromPrevious() == null ? null
                : v.driftFromPrevious().driftedShare()));
        charts.add(null); // the label's row of the grid ends here: each column's charts share a row
        for (String column : drawnColumns(history)) {
            charts.add(line(history, column + " · missing", v -> v.column(column).map(HistoryColumn::missing)
                    .map(Long::doubleValue).orElse(null)));
            charts.add(line(history, column + " · distinct", v -> v.column(column).map(HistoryColumn::distinct)
                    .map(Long::doubleValue).orElse(null)));
            charts.add(line(history, column + " · mean", v -> v.column(column).map(HistoryColumn::mean).orElse(null)));
        }
        return charts;
    }

    /** The charts as one picture of small multiples, three a row; null when there is no version. */
    public static BufferedImage grid(MetricHistory history) {
        if (history.versions().isEmpty()) {
            return null;
        }
        List<BufferedImage> images = charts(history).stream().map(c -> c == null ? blank() : ChartImages.image(c)).toList();
        return ChartImages.grid(images, COLUMNS);
    }

    /**
     * One metric over the versions: a line through the versions that have a value, and the
     * versions whose check failed as diamonds on it, in the legend as {@link #FAILED}; a
     * metric without any value (a text column's mean) is a chart saying so.
     */
    public static XYChart line(MetricHistory history, String title, Function<HistoryVersion, Double> metric) {
        XYChart chart = ChartStyle.lines(WIDTH, HEIGHT, AxisLabels.title(title));
        style(chart);
        List<Integer> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> failedX = new ArrayList<>();
        List<Double> failedY = new ArrayList<>();
        for (HistoryVersion v : history.versions()) {
            Double value = metric.apply(v);
            if (value == null || !Double.isFinite(value)) {
                continue;
            }
            x.add(v.version().version());
            y.add(value);
            if (v.checkFailed()) {
                failedX.add(v.version().version());
                failedY.add(value);
            }
        }
        if (x.isEmpty()) { // a text column's mean: a titled empty tile keeps the grid's rows aligned
            chart.setTitle(AxisLabels.title(title) + ": none");
            var s = chart.getStyler();
            s.setLegendVisible(false);
            s.setAxisTicksVisible(false);
            s.setPlotGridLinesVisible(false);
            s.setAxisTicksLineVisible(false);
            return chart;
        }
        XYSeries series = chart.addSeries("value", x, y);
        series.setLineColor(Palette.SINGLE);
        series.setMarkerColor(Palette.SINGLE);
        series.setMarker(SeriesMarkers.CIRCLE);
        series.setLineStyle(new BasicStroke(1.6f));
        series.setShowInLegend(false);
        if (!failedX.isEmpty()) {
            XYSeries failed = chart.addSeries(FAILED, failedX, failedY);
            failed.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            failed.setMarker(SeriesMarkers.DIAMOND);
            failed.setMarkerColor(Palette.ALERT);
        } else {
            chart.getStyler().setLegendVisible(false);
        }
        return chart;
    }

    /** Small charts: no axis titles (the chart's title says what), whole version numbers only on the x axis. */
    private static void style(XYChart chart) {
        var s = chart.getStyler();
        s.setChartPadding(6);
        s.setMarkerSize(7);
        s.setYAxisDecimalPattern("#,##0.###");
        s.setXAxisTitleVisible(false);
        s.setYAxisTitleVisible(false);
        chart.setCustomXAxisTickLabelsFormatter(v -> Math.abs(v - Math.rint(v)) < 1e-9 ? Long.toString(Math.round(v)) : "");
    }

    private static BufferedImage blank() {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return image;
    }
}
