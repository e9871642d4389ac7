package dev.assay.kernel.java;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Completion of Java at a cursor: JShell's suggestions for the snippet the cursor is in, seeing
 * the session's executed snippets and the cell's own earlier declarations (see {@link CellScope}).
 * Nothing here runs code: JShell only compiles the text it is given.
 */
final class JavaCompletion {

    private final SourceCodeAnalysis analysis;
    private final SnippetSplitter splitter;

    JavaCompletion(SourceCodeAnalysis analysis, SnippetSplitter splitter) {
        this.analysis = analysis;
        this.splitter = splitter;
    }

    Completion complete(String code, int cursor) {
        int start = splitter.lastUnitStart(code.substring(0, cursor));
        CellScope scope = CellScope.of(splitter.split(code.substring(0, start)));
        if (!scope.isEmpty()) {
            String text = scope.around(code.substring(start, cursor)).text();
            Completion inScope = suggest(text, text.length(), cursor - text.length(), cursor);
            if (!inScope.matches().isEmpty()) {
                return inScope;
            }
            // Nothing found, perhaps because an earlier snippet does not parse in the scope: ask as before.
        }
        return suggest(code.substring(start), cursor - start, start, cursor);
    }

    /** Suggestions at {@code at} in {@code text}, whose offset 0 is {@code shift} in the cell. */
    private Completion suggest(String text, int at, int shift, int cursor) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(text, at, anchor);
        Set<String> matches = new LinkedHashSet<>();
        suggestions.stream().filter(SourceCodeAnalysis.Suggestion::matchesType)
                .forEach(s -> matches.add(s.continuation()));
        suggestions.forEach(s -> matches.add(s.continuation()));
        return new Completion(List.copyOf(matches), Math.max(0, Math.min(cursor, shift + anchor[0])), cursor);
    }
}
