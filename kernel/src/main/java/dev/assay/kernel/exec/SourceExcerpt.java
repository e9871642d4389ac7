package dev.assay.kernel.exec;

import java.util.List;

/**
 * The part of a source line an error message shows: all of it when short, else a window
 * around the column with ellipses, so that a 20 MB line does not become a 20 MB traceback.
 */
public record SourceExcerpt(String text, int caretOffset) {

    static final int WIDTH = 120;

    /**
     * The head of a traceback that points at a place in a cell: a red title with where it is,
     * the source line, and a caret under the column. Java and the data language share it.
     */
    public static List<String> pointAt(String title, String where, String sourceLine, int column) {
        SourceExcerpt excerpt = around(sourceLine, column);
        return List.of("\u001b[31m" + title + "\u001b[0m in " + where + ":",
                "    " + excerpt.text(),
                "    " + " ".repeat(excerpt.caretOffset()) + "^");
    }

    /** {@code column} is 1-based, in code points. */
    public static SourceExcerpt around(String line, int column) {
        int length = line.codePointCount(0, line.length());
        int caret = Math.max(0, Math.min(column - 1, length));
        if (length <= WIDTH) {
            return new SourceExcerpt(line, caret);
        }
        int from = Math.max(0, Math.min(caret - WIDTH / 2, length - WIDTH));
        int to = Math.min(length, from + WIDTH);
        String window = line.substring(line.offsetByCodePoints(0, from), line.offsetByCodePoints(0, to));
        String prefix = from > 0 ? "…" : "";
        String suffix = to < length ? "…" : "";
        return new SourceExcerpt(prefix + window + suffix, caret - from + prefix.length());
    }
}
