package dev.assay.kernel.exec;

import dev.assay.dsl.lang.StatementContinuation;

/**
 * {@code is_complete} for a cell that starts with a magic, answered without JShell. A cell
 * magic's body has many lines, so, as ipykernel does for its cell magics, such a cell is
 * complete only once it ends with an empty line; in a {@code %%assay} cell a statement whose
 * last line ends in a comma goes on even past empty lines (as the language reads it). A line
 * magic runs as written.
 */
final class MagicCellCompleteness {

    static final String COMPLETE = "complete";
    static final String INCOMPLETE = "incomplete";

    private MagicCellCompleteness() {
    }

    /** Whether the cell starts with a magic, so that {@link #of} answers for it. */
    static boolean appliesTo(String code) {
        return code.stripLeading().startsWith("%");
    }

    static String of(String code) {
        return CellMagicLine.of(code).map(magic -> cellMagic(code, magic)).orElse(COMPLETE);
    }

    private static String cellMagic(String code, CellMagicLine magic) {
        int lastBreak = code.lastIndexOf('\n');
        boolean endsWithEmptyLine = lastBreak >= 0 && code.substring(lastBreak + 1).isBlank();
        if (!endsWithEmptyLine) {
            return INCOMPLETE;
        }
        if (magic.name().equals("%%assay") && StatementContinuation.goesOn(magic.body(code))) {
            return INCOMPLETE;
        }
        return COMPLETE;
    }
}
