package dev.assay.viz.chart;

import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Histogram;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.ValueCount;
import dev.assay.dsl.result.JsonValue;
import java.awt.image.BufferedImage;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Profile pictures: the share of missing values per column when some are missing, then per
 * column a histogram (numbers and times; few-valued numbers a bar per value), the string
 * lengths of text, and the most frequent values when some value repeats.
 */
public final class ProfileCharts {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 220;
    public static final int COLUMNS = 3;
    /** At most this many columns get a chart in the result's picture, to bound its size. */
    public static final int MAX_CHARTS = 60;

    private ProfileCharts() {
    }

    /** The missing-values chart when a value is missing, then the charts of every column that has values. */
    public static List<CategoryChart> charts(Profile p) {
        List<CategoryChart> charts = new ArrayList<>();
        if (anyMissing(p)) {
            charts.add(missing(p));
        }
        for (ColumnProfile c : p.columns()) {
            charts.addAll(column(c));
        }
        return charts;
    }

    /**
     * The missing-values chart across the top (when a value is missing), the first
     * {@link #MAX_CHARTS} column charts as small multiples below; null when there is nothing to draw.
     */
    public static BufferedImage grid(Profile p) {
        return grid(p, p.columns());
    }

    /**
     * {@link #grid(Profile)} of the columns a table {@code shown}, in their order: a wide
     * profile draws no chart of a column its table leaves out, and its missing-values chart
     * has a bar per column shown, not one per column of the table.
     */
    public static BufferedImage grid(Profile p, List<ColumnProfile> shown) {
        List<CategoryChart> columns = new ArrayList<>();
        for (ColumnProfile c : shown) {
            columns.addAll(column(c));
        }
        BufferedImage grid = columns.isEmpty() ? null : ChartImages.grid(columns.subList(0, Math.min(columns.size(), MAX_CHARTS))
                .stream().map(ChartImages::image).toList(), COLUMNS);
        if (!anyMissing(shown)) {
            return grid;
        }
        BufferedImage top = ChartImages.image(missing(p, shown));
        return grid == null ? top : ChartImages.stack(top, grid);
    }

    /** A chart of zero bars says nothing: missing values are drawn only when there are some. */
    public static boolean anyMissing(Profile p) {
        return anyMissing(p.columns());
    }

    public static boolean anyMissing(List<ColumnProfile> columns) {
        return columns.stream().anyMatch(c -> c.missing() > 0);
    }

    static CategoryChart missing(Profile p) {
        return missing(p, p.columns());
    }

    private static CategoryChart missing(Profile p, List<ColumnProfile> shown) {
        List<String> names = DriftCharts.unique(shown.stream().map(c -> AxisLabels.category(c.name())).toList());
        List<Double> shares = shown.stream().map(c -> p.rows() == 0 ? 0.0 : (double) c.missing() / p.rows()).toList();
        String which = shown.size() < p.columns().size() ? " (the " + shown.size() + " columns shown)" : "";
        CategoryChart chart = ChartStyle.bars(COLUMNS * WIDTH, HEIGHT, "Missing values in " + p.dataset() + which, "",
                "share of rows");
        chart.getStyler().setYAxisDecimalPattern("0.#%");
        chart.getStyler().setLegendVisible(false);
        if (shares.stream().allMatch(s -> s == 0)) {
            chart.getStyler().setYAxisMax(1.0); // a flat zero line reads as "none missing", not as an empty plot
        }
        ChartStyle.fitXLabels(chart, names);
        ChartStyle.labelEveryBar(chart, names.size());
        CategorySeries s = chart.addSeries("missing", names, shares);
        s.setFillColor(Palette.ALERT);
        return chart;
    }

    /**
     * A column's charts, none when it has no values: numbers and times their histogram; free
     * text (mostly distinct values) its string lengths, with its word counts in the axis
     * title; and the most frequent
     * values of text and other kinds when some value repeats (ten bars of one row each say
     * only "every value is distinct", which the distinct count already says).
     */
    static List<CategoryChart> column(ColumnProfile c) {
        List<CategoryChart> charts = new ArrayList<>();
        if (c.count() == 0) {
            return charts;
        }
        Histogram h = c.histogram();
        if (h != null && (c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.TEMPORAL)) {
            String xTitle = h.perValue() ? "value" : c.kind() == ColumnKind.TEMPORAL ? "bin start, UTC" : "bin start";
            charts.add(bars(c, "", histogramLabels(h), h.counts(), xTitle, !h.perValue()));
            return charts;
        }
        Histogram lengths = c.lengthHistogram();
        if (lengths != null && c.mostlyDistinct()) {
            String words = c.words() == null ? "" : String.format(Locale.ROOT, " · words %,d-%,d, mean %s",
                    c.words().min(), c.words().max(), AxisLabels.number(c.words().mean()));
            charts.add(bars(c, " length", histogramLabels(lengths), lengths.counts(),
                    (lengths.perValue() ? "characters" : "characters, bin start") + words, !lengths.perValue()));
        }
        if (c.someValueRepeats()) {
            List<String> labels = DriftCharts.unique(c.top().stream()
                    .map(v -> AxisLabels.category(v.value() == null ? "NULL" : String.valueOf(JsonValue.of(v.value())))).toList());
            String xTitle = c.distinct() > c.top().size() ? "most frequent of " + String.format("%,d", c.distinct()) + " values"
                    : "values";
            charts.add(bars(c, "", labels, c.top().stream().map(ValueCount::count).toList(), xTitle, false));
        }
        return charts;
    }

    private static CategoryChart bars(ColumnProfile c, String what, List<String> labels, List<Long> counts, String xTitle,
                                      boolean touching) {
        CategoryChart chart = ChartStyle.bars(WIDTH, HEIGHT, AxisLabels.title(c.name()) + what + " ("
                + c.type().toLowerCase(Locale.ROOT) + ")", xTitle, "rows");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setAvailableSpaceFill(touching ? 0.98 : 0.8);
        ChartStyle.fitXLabels(chart, labels);
        CategorySeries s = chart.addSeries("rows", labels, counts);
        s.setFillColor(Palette.SINGLE);
        return chart;
    }

    /** The value of each bin when binned per value, else each bin's left edge. */
    private static List<String> histogramLabels(Histogram h) {
        if (h.perValue()) {
            return DriftCharts.unique(h.values().stream().map(v -> AxisLabels.value(((Number) v).doubleValue())).toList());
        }
        List<Double> edges = new ArrayList<>();
        boolean temporal = false;
        for (Object e : h.edges()) {
            if (e instanceof Number n) {
                edges.add(n.doubleValue());
            } else {
                temporal = true;
                edges.add(micros(e));
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i + 1 < edges.size(); i++) {
            labels.add(temporal ? AxisLabels.time(edges.get(i), edges.get(i + 1) - edges.get(i)) : AxisLabels.number(edges.get(i)));
        }
        return DriftCharts.unique(labels);
    }

    /** Microseconds since 1970 (UTC) of a profile's temporal edge (the profile gives UTC LocalDateTimes). */
    private static double micros(Object t) {
        LocalDateTime dt = (LocalDateTime) t;
        return dt.toEpochSecond(ZoneOffset.UTC) * 1e6 + dt.getNano() / 1e3;
    }
}
