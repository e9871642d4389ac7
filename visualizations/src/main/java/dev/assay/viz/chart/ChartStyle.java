package dev.assay.viz.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/** One look for every chart: fonts that read at notebook size, light grid, no boxes, labels that fit. */
final class ChartStyle {

    /** DejaVu Sans is what Debian's fontconfig serves for the logical SansSerif font. */
    private static final String FONT = Font.SANS_SERIF;

    private ChartStyle() {
    }

    static CategoryChart bars(int width, int height, String title, String xTitle, String yTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        var s = chart.getStyler();
        look(s);
        s.setAvailableSpaceFill(0.85);
        s.setXAxisMaxLabelCount(12);
        s.setYAxisMin(0.0);
        return chart;
    }

    /** A line chart of the same look, its legend below the plot. */
    static XYChart lines(int width, int height, String title) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).build();
        look(chart.getStyler());
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        return chart;
    }

    private static void look(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 13));
        s.setChartFontColor(Palette.TEXT);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 11));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 10));
        s.setAxisTickLabelsColor(Palette.TEXT);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 10));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setPlotGridVerticalLinesVisible(false);
        s.setPlotGridLinesColor(Palette.GRID);
        s.setAxisTicksMarksVisible(false);
        s.setChartPadding(8);
    }

    /** Many or long x labels turn 45 degrees so that none is cut or overlaps its neighbour. */
    static void fitXLabels(CategoryChart chart, List<String> labels) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(0);
        if (labels.size() * Math.max(4, longest) > 40) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
    }

    /** A label under every one of {@code bars} bars. XChart refuses a count below 2, which one bar would ask for. */
    static void labelEveryBar(CategoryChart chart, int bars) {
        chart.getStyler().setXAxisMaxLabelCount(Math.max(2, bars));
    }
}
