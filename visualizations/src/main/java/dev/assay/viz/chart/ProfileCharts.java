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
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

/**
 * Profile pictures: the share of missing values per column, then per column a histogram
 * (numbers and times) or its most frequent values (everything else).
 */
public final class ProfileCharts {

    public static final int WIDTH = 320;
    public static final int HEIGHT = 220;
    public static final int COLUMNS = 3;
    /** At most this many columns get a chart in the result's picture, to bound its size. */
    public static final int MAX_CHARTS = 60;

    private ProfileCharts() {
    }

    /** The missing-values chart, then one chart per column that has values. */
    public static List<CategoryChart> charts(Profile p) {
        List<CategoryChart> charts = new ArrayList<>();
        charts.add(missing(p));
        for (ColumnProfile c : p.columns()) {
            CategoryChart chart = column(c);
            if (chart != null) {
                charts.add(chart);
            }
        }
        return charts;
    }

    /** The missing-values chart across the top, the first {@link #MAX_CHARTS} columns' charts as small multiples below. */
    public static BufferedImage grid(Profile p) {
        List<CategoryChart> charts = charts(p);
        BufferedImage top = ChartImages.image(charts.get(0));
        if (charts.size() == 1) {
            return top;
        }
        BufferedImage columns = ChartImages.grid(charts.subList(1, Math.min(charts.size(), MAX_CHARTS + 1)).stream()
                .map(ChartImages::image).toList(), COLUMNS);
        return ChartImages.stack(top, columns);
    }

    static CategoryChart missing(Profile p) {
        List<String> names = DriftCharts.unique(p.columns().stream().map(c -> AxisLabels.category(c.name())).toList());
        List<Double> shares = p.columns().stream().map(c -> p.rows() == 0 ? 0.0 : (double) c.missing() / p.rows()).toList();
        CategoryChart chart = ChartStyle.bars(COLUMNS * WIDTH, HEIGHT, "Missing values in " + p.dataset(), "", "share of rows");
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

    /** A histogram for numbers and times, the top values otherwise; null when the column has no values. */
    static CategoryChart column(ColumnProfile c) {
        if (c.count() == 0) {
            return null;
        }
        List<String> labels;
        List<Long> counts;
        String xTitle;
        Histogram h = c.histogram();
        if (h != null && (c.kind() == ColumnKind.NUMERIC || c.kind() == ColumnKind.TEMPORAL)) {
            labels = histogramLabels(h);
            counts = h.counts();
            xTitle = c.kind() == ColumnKind.TEMPORAL ? "bin start, UTC" : "bin start";
        } else if (!c.top().isEmpty()) {
            labels = DriftCharts.unique(c.top().stream()
                    .map(v -> AxisLabels.category(v.value() == null ? "NULL" : String.valueOf(JsonValue.of(v.value())))).toList());
            counts = c.top().stream().map(ValueCount::count).toList();
            xTitle = c.distinct() > c.top().size() ? "most frequent of " + String.format("%,d", c.distinct()) + " values"
                    : "values";
        } else {
            return null;
        }
        CategoryChart chart = ChartStyle.bars(WIDTH, HEIGHT, AxisLabels.title(c.name()) + " ("
                + c.type().toLowerCase(java.util.Locale.ROOT) + ")", xTitle, "rows");
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisDecimalPattern("#,##0");
        chart.getStyler().setAvailableSpaceFill(h != null ? 0.98 : 0.8);
        ChartStyle.fitXLabels(chart, labels);
        CategorySeries s = chart.addSeries("rows", labels, counts);
        s.setFillColor(Palette.SINGLE);
        return chart;
    }

    private static List<String> histogramLabels(Histogram h) {
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
