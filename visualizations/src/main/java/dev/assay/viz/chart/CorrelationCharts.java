package dev.assay.viz.chart;

import dev.assay.dsl.correlations.CorrelatedPair;
import dev.assay.dsl.correlations.Correlations;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A correlation matrix as a heatmap, drawn with Java2D (XChart's heat map has no diverging
 * scale and puts long column names under the cells): blue for -1, white for 0, vermillion for
 * +1 (Okabe and Ito's, told apart with any common colour-vision deficiency), grey where a
 * correlation is undefined. The strongest pairs are numbered in their cells (below the
 * diagonal) and listed under the matrix with their values. Cells shrink with the number of
 * columns down to {@link #MIN_CELL} pixels, so 50 columns still read.
 */
public final class CorrelationCharts {

    /** Columns drawn at most: beyond, the renderer shows the strongest pairs as a table instead. */
    public static final int MAX_COLUMNS = 50;
    /** Pairs numbered in the picture and listed under it. */
    public static final int LABELLED = 10;
    /** A correlation that is undefined (a constant column, no rows in common). */
    public static final Color UNDEFINED = new Color(0xDD, 0xDD, 0xDD);
    static final int MIN_CELL = 12;
    private static final int MAX_CELL = 44;
    private static final int MATRIX = 560;
    private static final int MAX_NAME = 150;
    private static final int TOP = 28;
    private static final int MARGIN = 8;
    private static final int BAR = 14;
    private static final int LIST_LINE = 15;
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private CorrelationCharts() {
    }

    /**
     * Where things go: the side of a cell, the space the names take on the left and on top,
     * and the matrix's top-left corner.
     */
    record Layout(int columns, int cell, int names, int left, int top) {

        static Layout of(int columns, int names) {
            int cell = Math.max(MIN_CELL, Math.min(MAX_CELL, MATRIX / Math.max(1, columns)));
            return new Layout(columns, cell, names, MARGIN + names, TOP + names);
        }

        /** The centre of the cell of row {@code i}, column {@code j}. */
        int centreX(int j) {
            return left + j * cell + cell / 2;
        }

        int centreY(int i) {
            return top + i * cell + cell / 2;
        }

        int matrixSide() {
            return columns * cell;
        }
    }

    /** The colour of a correlation in [-1, 1]: white at 0, towards blue below, towards vermillion above. */
    public static Color colour(Double value) {
        if (value == null || value.isNaN()) {
            return UNDEFINED;
        }
        double v = Math.max(-1, Math.min(1, value));
        Color end = v < 0 ? Palette.REFERENCE : Palette.ALERT;
        double t = Math.abs(v);
        return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /**
     * The heatmap of {@code c} with {@code strongest} (at most {@link #LABELLED}, strongest
     * first) numbered; null when there is no column or more than {@link #MAX_COLUMNS}.
     */
    public static BufferedImage heatmap(Correlations c, List<CorrelatedPair> strongest) {
        int n = c.columns().size();
        if (n == 0 || n > MAX_COLUMNS) {
            return null;
        }
        List<CorrelatedPair> labelled = strongest.subList(0, Math.min(LABELLED, strongest.size()));
        Font names = TEXT.deriveFont(n > 30 ? 9f : 11f);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics pm = pg.getFontMetrics(names);
        int nameWidth = Math.min(MAX_NAME, c.columns().stream().mapToInt(pm::stringWidth).max().orElse(0)) + 6;
        pg.dispose();
        Layout layout = Layout.of(n, nameWidth);
        int legendTop = layout.top() + layout.matrixSide() + 12;
        int width = Math.max(layout.left() + Math.max(layout.matrixSide(), 400) + MARGIN, 520);
        int height = legendTop + BAR + 20 + (labelled.isEmpty() ? 0 : 18 + labelled.size() * LIST_LINE) + MARGIN;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Palette.TEXT);
            g.setFont(TITLE);
            g.drawString(String.format(Locale.ROOT, "%s correlations of %s (%d columns)", methodTitle(c), c.dataset(), n),
                    MARGIN, 18);
            cells(g, c, layout);
            columnNames(g, c.columns(), layout, names);
            ranks(g, c.columns(), labelled, layout);
            colourBar(g, layout.left(), legendTop);
            list(g, labelled, legendTop + BAR + 26);
        } finally {
            g.dispose();
        }
        return image;
    }

    private static String methodTitle(Correlations c) {
        String k = c.method().keyword();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    private static void cells(Graphics2D g, Correlations c, Layout l) {
        for (int i = 0; i < l.columns(); i++) {
            List<Double> row = c.matrix().get(i);
            for (int j = 0; j < l.columns(); j++) {
                g.setColor(colour(j < row.size() ? row.get(j) : null));
                g.fillRect(l.left() + j * l.cell(), l.top() + i * l.cell(), l.cell(), l.cell());
            }
        }
        g.setColor(Palette.GRID);
        g.drawRect(l.left() - 1, l.top() - 1, l.matrixSide() + 1, l.matrixSide() + 1); // around the cells, not over them
    }

    /** Names left of the rows and, turned upright, above the columns; cut with an ellipsis when long. */
    private static void columnNames(Graphics2D g, List<String> names, Layout l, Font font) {
        g.setFont(font);
        g.setColor(Palette.TEXT);
        FontMetrics m = g.getFontMetrics();
        int baseline = m.getAscent() / 2 - 1;
        for (int i = 0; i < names.size(); i++) {
            String name = LabelCharts.fit(names.get(i), m, l.names() - 6);
            g.drawString(name, l.left() - 4 - m.stringWidth(name), l.centreY(i) + baseline);
        }
        AffineTransform before = g.getTransform();
        for (int j = 0; j < names.size(); j++) {
            String name = LabelCharts.fit(names.get(j), m, l.names() - 6);
            g.setTransform(before);
            g.translate(l.centreX(j) + baseline, l.top() - 4);
            g.rotate(-Math.PI / 2);
            g.drawString(name, 0, 0);
        }
        g.setTransform(before);
    }

    /** The rank of each labelled pair in its cell below the diagonal, framed so that it shows on any colour. */
    private static void ranks(Graphics2D g, List<String> columns, List<CorrelatedPair> labelled, Layout l) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.get(i), i);
        }
        g.setStroke(new BasicStroke(1.5f));
        for (int k = 0; k < labelled.size(); k++) {
            g.setFont(TEXT.deriveFont(Font.BOLD, l.cell() >= 18 ? 10f : k + 1 < 10 ? 8f : 6.5f));
            FontMetrics m = g.getFontMetrics();
            Integer a = index.get(labelled.get(k).a());
            Integer b = index.get(labelled.get(k).b());
            if (a == null || b == null) {
                continue;
            }
            int row = Math.max(a, b);
            int col = Math.min(a, b);
            g.setColor(Palette.TEXT);
            g.drawRect(l.left() + col * l.cell() + 1, l.top() + row * l.cell() + 1, l.cell() - 2, l.cell() - 2);
            String rank = Integer.toString(k + 1);
            Double v = labelled.get(k).value();
            g.setColor(Math.abs(v) > 0.6 ? Color.WHITE : Palette.TEXT);
            g.drawString(rank, l.centreX(col) - m.stringWidth(rank) / 2, l.centreY(row) + m.getAscent() / 2 - 1);
        }
    }

    /** The scale from -1 to 1 under the matrix. */
    private static void colourBar(Graphics2D g, int x, int y) {
        int w = 200;
        for (int i = 0; i < w; i++) {
            g.setColor(colour(-1 + 2.0 * i / (w - 1)));
            g.fillRect(x + i, y, 1, BAR);
        }
        g.setColor(Palette.GRID);
        g.drawRect(x, y, w, BAR);
        g.setColor(Palette.TEXT);
        g.setFont(TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString("-1", x, y + BAR + 13);
        g.drawString("0", x + w / 2 - m.stringWidth("0") / 2, y + BAR + 13);
        g.drawString("1", x + w - m.stringWidth("1"), y + BAR + 13);
        g.setColor(UNDEFINED);
        g.fillRect(x + w + 16, y, BAR, BAR);
        g.setColor(Palette.TEXT);
        g.drawString("undefined (see the notes)", x + w + 16 + BAR + 6, y + BAR - 3);
    }

    /** "1  a ~ b  0.97 (pearson)" per numbered pair. */
    private static void list(Graphics2D g, List<CorrelatedPair> labelled, int y) {
        if (labelled.isEmpty()) {
            return;
        }
        g.setFont(TEXT);
        g.setColor(Palette.TEXT);
        FontMetrics m = g.getFontMetrics();
        g.drawString("Strongest pairs:", MARGIN, y);
        for (int k = 0; k < labelled.size(); k++) {
            CorrelatedPair p = labelled.get(k);
            g.drawString(String.format(Locale.ROOT, "%2d  %s ~ %s  %+.3f (%s)", k + 1, LabelCharts.fit(p.a(), m, 200),
                    LabelCharts.fit(p.b(), m, 200), p.value(), p.method().keyword()), MARGIN, y + (k + 1) * LIST_LINE);
        }
    }
}
