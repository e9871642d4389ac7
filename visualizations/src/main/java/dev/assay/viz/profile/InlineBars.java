package dev.assay.viz.profile;

import dev.assay.viz.Html;
import java.util.List;
import java.util.Locale;

/**
 * A small bar chart as inline SVG, for a row of a table: it needs no image encoding, scales
 * with the page, and survives being saved in a notebook or an HTML report.
 */
final class InlineBars {

    static final int WIDTH = 120;
    static final int HEIGHT = 32;

    private InlineBars() {
    }

    /** Vertical bars side by side (a histogram); {@code title} is the tooltip. */
    static String columns(List<Long> counts, String title) {
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder svg = open(title);
        if (max > 0) {
            double width = (double) WIDTH / counts.size();
            for (int i = 0; i < counts.size(); i++) {
                double h = HEIGHT * (double) counts.get(i) / max;
                if (counts.get(i) > 0) {
                    h = Math.max(h, 1); // a non-empty bin stays visible
                }
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
                        i * width, HEIGHT - h, Math.max(width - 0.5, 0.5), h));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Horizontal bars, one per value, longest first (shares of the rows). */
    static String rows(List<Long> counts, long total, String title) {
        StringBuilder svg = open(title);
        int n = Math.min(counts.size(), 4);
        double height = (double) HEIGHT / 4;
        for (int i = 0; i < n && total > 0; i++) {
            double w = Math.max(1, WIDTH * (double) counts.get(i) / total);
            svg.append(String.format(Locale.ROOT, "<rect x=\"0\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\"/>",
                    i * height, w, height - 1));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
                        + "style=\"fill:#4c78a8\" role=\"img\"><title>%s</title>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, Html.escape(title)));
    }
}
