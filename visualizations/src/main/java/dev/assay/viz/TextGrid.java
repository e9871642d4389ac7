package dev.assay.viz;

import java.util.List;

/**
 * A plain-text table for consoles: columns padded to their widest cell (counted in code
 * points, so accents and emoji keep columns straight), separated by {@code " | "}, with a
 * rule under the header lines. Numeric columns are right-aligned below the header.
 */
public final class TextGrid {

    private TextGrid() {
    }

    /** The grid of {@code lines}, each of the same number of cells; no trailing newline. */
    public static String of(List<String[]> lines, int headerLines, boolean[] rightAligned) {
        int n = lines.isEmpty() ? 0 : lines.get(0).length;
        int[] width = new int[n];
        for (String[] line : lines) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], length(line[i]));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            String[] line = lines.get(l);
            for (int i = 0; i < n; i++) {
                boolean right = l >= headerLines && rightAligned[i];
                String pad = " ".repeat(width[i] - length(line[i]));
                out.append(i == 0 ? "" : " | ").append(right ? pad + line[i] : line[i] + pad);
            }
            out.append('\n');
            if (l == headerLines - 1) {
                for (int i = 0; i < n; i++) {
                    out.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
                }
                out.append('\n');
            }
        }
        if (out.length() > 0) {
            out.setLength(out.length() - 1); // the last newline
        }
        return out.toString();
    }

    /** Text of at most {@code max} characters, ending in an ellipsis when cut. */
    public static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
