package dev.assay.viz.chart;

import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.LabelClass;
import dev.assay.dsl.labels.LabelComparison;
import dev.assay.dsl.labels.Labels;
import dev.assay.dsl.result.JsonValue;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Labels pictures as horizontal bars (XChart draws bars only upright, and long label values and
 * column names read best on the left): the class shares, both datasets' side by side with
 * {@code vs}; and the columns' normalized mutual information with the label, strongest first.
 */
public final class LabelCharts {

    public static final int WIDTH = 560;
    /** Bars drawn at most per picture: the table under it says how many more there are. */
    public static final int MAX_BARS = 30;
    private static final int BAR = 14;
    private static final int GAP = 6;
    private static final int TOP = 28;
    private static final int BOTTOM = 24;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private LabelCharts() {
    }

    /** One bar (or pair of bars) of a picture: its name, its value(s) from 0 to 1 (the second null without). */
    record Bar(String name, double value, Double other) {
    }

    /** Class shares, with {@code vs} both sides side by side; at most {@link #MAX_BARS} classes. */
    public static BufferedImage classes(Labels labels) {
        List<Bar> bars = new ArrayList<>();
        LabelComparison vs = labels.vs();
        if (vs == null) {
            for (LabelClass c : labels.classes().classes()) {
                bars.add(new Bar(name(c.value()), c.share(), null));
            }
        } else {
            for (LabelComparison.SideBySide c : vs.classes()) {
                bars.add(new Bar(name(c.value()), c.share(), c.otherShare()));
            }
        }
        String legend = vs == null ? null : labels.dataset() + " (blue) vs " + vs.other() + " (orange)";
        return draw("Share of labelled rows per class of " + labels.label(), legend, bars, true);
    }

    /** The columns' normalized MI with the label as sorted bars (strongest first), or null when none has one. */
    public static BufferedImage associations(List<ColumnAssociation> strongestFirst) {
        List<Bar> bars = strongestFirst.stream().filter(c -> c.normalizedMi() != null)
                .map(c -> new Bar(c.name(), c.normalizedMi(), null)).toList();
        return bars.isEmpty() ? null : draw("Normalized mutual information with the label", null, bars, false);
    }

    /** The class shares above the associations (when any column has one): the picture of a labels result. */
    public static BufferedImage picture(Labels labels, List<ColumnAssociation> strongestFirst) {
        BufferedImage classes = classes(labels);
        BufferedImage associations = associations(strongestFirst);
        return associations == null ? classes : ChartImages.stack(classes, associations);
    }

    private static BufferedImage draw(String title, String legend, List<Bar> all, boolean percent) {
        List<Bar> bars = all.subList(0, Math.min(all.size(), MAX_BARS));
        boolean pairs = bars.stream().anyMatch(b -> b.other() != null);
        int rowHeight = (pairs ? 2 * BAR : BAR) + GAP;
        int height = TOP + (legend == null ? 0 : 16) + bars.size() * rowHeight + BOTTOM;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Palette.TEXT);
            g.setFont(TITLE);
            g.drawString(title, 8, 18);
            g.setFont(TEXT);
            FontMetrics m = g.getFontMetrics();
            int y = TOP;
            if (legend != null) {
                g.drawString(legend, 8, y + 10);
                y += 16;
            }
            int nameWidth = Math.min(180, bars.stream().mapToInt(b -> m.stringWidth(b.name())).max().orElse(0)) + 16;
            int plot = WIDTH - nameWidth - 70;
            for (Bar b : bars) {
                g.setColor(Palette.TEXT);
                g.drawString(fit(b.name(), m, nameWidth - 12), 8, y + BAR - 3 + (pairs ? BAR / 2 : 0));
                bar(g, m, nameWidth, y, plot, b.value(), Palette.REFERENCE, percent);
                if (pairs) {
                    bar(g, m, nameWidth, y + BAR, plot, b.other() == null ? 0 : b.other(), Palette.CURRENT, percent);
                }
                y += rowHeight;
            }
            g.setColor(Palette.GRID);
            g.drawLine(nameWidth, TOP, nameWidth, y);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void bar(Graphics2D g, FontMetrics m, int x, int y, int plot, double value, Color color, boolean percent) {
        g.setColor(color);
        g.fillRect(x, y, (int) Math.round(plot * Math.max(0, Math.min(1, value))), BAR - 2);
        g.setColor(Palette.TEXT);
        String text = percent ? String.format(Locale.ROOT, "%.1f%%", 100 * value) : String.format(Locale.ROOT, "%.3f", value);
        g.drawString(text, x + (int) Math.round(plot * Math.max(0, Math.min(1, value))) + 4, y + BAR - 3);
    }

    /** {@code s} cut with an ellipsis to fit {@code width} pixels. */
    static String fit(String s, FontMetrics m, int width) {
        if (m.stringWidth(s) <= width) {
            return s;
        }
        String cut = s;
        while (!cut.isEmpty() && m.stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static String name(Object value) {
        return String.valueOf(JsonValue.of(value));
    }
}
