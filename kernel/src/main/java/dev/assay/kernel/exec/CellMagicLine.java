package dev.assay.kernel.exec;

import java.util.Optional;

/**
 * The first line of a cell that starts with a cell magic ({@code %%sql NAME}), found the one
 * way both running and completing a cell need: leading white space skipped, the body from the
 * next line on. {@code bodyStart} is an index into the whole cell, so cursor positions map.
 */
record CellMagicLine(String line, int bodyStart) {

    static Optional<CellMagicLine> of(String code) {
        int start = 0;
        while (start < code.length() && Character.isWhitespace(code.charAt(start))) {
            start++;
        }
        if (!code.startsWith("%%", start)) {
            return Optional.empty();
        }
        int eol = code.indexOf('\n', start);
        return Optional.of(eol < 0
                ? new CellMagicLine(code.substring(start), code.length())
                : new CellMagicLine(code.substring(start, eol), eol + 1));
    }

    /** The magic's written name, e.g. {@code %%assay}. */
    String name() {
        return line.strip().split("\\s+", 2)[0];
    }

    String body(String code) {
        return code.substring(bodyStart);
    }
}
