package dev.assay.kernel.java;

import java.util.ArrayList;
import java.util.List;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;

/**
 * Cuts a cell into the snippets JShell evaluates one at a time ({@code JShell.eval} takes one),
 * remembering where each starts so that errors point at cell lines.
 */
final class SnippetSplitter {

    private final SourceCodeAnalysis analysis;

    SnippetSplitter(SourceCodeAnalysis analysis) {
        this.analysis = analysis;
    }

    List<SourceSlice> split(String cell) {
        List<SourceSlice> slices = new ArrayList<>();
        int base = 0;
        String remaining = cell;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            Completeness completeness = info.completeness();
            if (completeness == Completeness.EMPTY) {
                break;
            }
            if (!completeness.isComplete() || info.source() == null) {
                // Incomplete or unparseable: hand the rest to JShell whole so it reports the error.
                slices.add(new SourceSlice(remaining.strip(), base + leadingBlanks(remaining), false));
                break;
            }
            // JShell keeps blank lines before a unit in its source; drop them so that the
            // snippet's line 1 is the line it starts on.
            String source = info.source().stripLeading();
            int consumed = remaining.length() - info.remaining().length();
            slices.add(new SourceSlice(source, base + startOf(source, remaining), true));
            base += consumed;
            remaining = info.remaining();
        }
        return slices;
    }

    /** Offset of the start of the last unit of {@code text}: the one a cursor at its end is in. */
    int lastUnitStart(String text) {
        int base = 0;
        String remaining = text;
        while (!remaining.isBlank()) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (!info.completeness().isComplete() || info.remaining().isBlank()
                    || info.remaining().length() == remaining.length()) {
                break; // the cursor is in this unit
            }
            base += remaining.length() - info.remaining().length();
            remaining = info.remaining();
        }
        return base + leadingBlanks(remaining);
    }

    private static int startOf(String source, String remaining) {
        String probe = source.endsWith(";") ? source.substring(0, source.length() - 1) : source;
        int found = probe.isEmpty() ? -1 : remaining.indexOf(probe);
        return found >= 0 ? found : leadingBlanks(remaining);
    }

    private static int leadingBlanks(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }
}
