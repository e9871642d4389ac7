package dev.assay.kernel.java;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a cell declares before the cursor, written as a class JShell can analyze but never
 * runs: the cell's earlier methods and classes become members, its variables locals of one
 * method (in which the snippet being typed is placed). JShell completes only against snippets
 * it has executed; this lets it see a same-cell {@code String greeting = "x";} without running
 * its initializer, or anything else, a second time.
 *
 * <p>Snippets are told apart by their shape, not compiled (compiling each one costs 50-500 ms):
 * statements and expressions declare nothing later code can name and are left out (an
 * expression is not a valid statement and would spoil the parse); imports cannot go inside a
 * class and are left out too.
 */
final class CellScope {

    /** The class around the cell's earlier declarations; no user type is named like it. */
    static final String SCOPE_CLASS = "$AssayCellScope";
    /** An expression statement starting with a bare name parses as a type; this makes it an expression. */
    private static final String EXPRESSION_PROBE = "Object $assayProbe = ";

    private static final String ANNOTATIONS = "(?:@[\\w$.]+(?:\\([^)]*\\))?\\s+)*";
    private static final String MODIFIERS = "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed"
            + "|strictfp|synchronized|native|default|transient|volatile)\\s+)*";
    private static final String TYPE = "[\\w$.]+(?:\\s*<[^;=(){}]*>)?(?:\\s*\\[\\s*])*";
    private static final String NAME = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            ANNOTATIONS + MODIFIERS + "(?:class|interface|enum|record|@interface)\\s+" + NAME + ".*", Pattern.DOTALL);
    private static final Pattern METHOD_HEADER = Pattern.compile(ANNOTATIONS + MODIFIERS
            + "(?:<[^{}]*>\\s*)?" + TYPE + "\\s+" + NAME + "\\s*\\(.*\\)\\s*(?:throws\\s+[^{]+)?", Pattern.DOTALL);
    private static final Pattern VARIABLE = Pattern.compile(
            ANNOTATIONS + "((?:final\\s+)*)(" + TYPE + ")\\s+" + NAME + "\\s*(?:=|;|,|\\[).*", Pattern.DOTALL);
    private static final Pattern FIRST_WORD = Pattern.compile(NAME);
    /** Words that start statements which the patterns above would take for "Type name". */
    private static final Set<String> STATEMENT_WORDS = Set.of("return", "throw", "new", "yield", "assert", "case",
            "break", "continue", "do", "else", "goto", "import", "package", "if", "for", "while", "switch", "try",
            "synchronized", "catch", "finally");

    private final List<String> members;
    private final List<String> locals;
    private final List<String> fields;

    private CellScope(List<String> members, List<String> locals, List<String> fields) {
        this.members = members;
        this.locals = locals;
        this.fields = fields;
    }

    /** The declarations among the complete snippets before the cursor. */
    static CellScope of(List<SourceSlice> earlier) {
        List<String> members = new ArrayList<>();
        List<String> locals = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        for (SourceSlice slice : earlier) {
            String source = slice.source().strip();
            if (!slice.complete() || startsWithStatementWord(source)) {
                continue;
            }
            if (isTypeOrMethod(source, true)) {
                members.add(source);
            } else {
                var variable = VARIABLE.matcher(source);
                if (variable.matches()) {
                    locals.add(source);
                    if (!variable.group(2).equals("var")) {
                        fields.add(source); // seen from the cell's methods too, as JShell's variables are
                    }
                }
            }
        }
        return new CellScope(members, locals, fields);
    }

    boolean isEmpty() {
        return members.isEmpty() && locals.isEmpty();
    }

    /** Text for JShell's analysis: the scope, then {@code typed} (the snippet up to the cursor) where it can see it. */
    Analyzable around(String typed) {
        StringBuilder text = new StringBuilder("class ").append(SCOPE_CLASS).append(" {\n");
        members.forEach(m -> text.append(m).append('\n'));
        if (isTypeOrMethod(typed.strip(), false)) {
            fields.forEach(f -> text.append(f).append('\n'));
        } else {
            text.append("void $assayCell() throws Throwable {\n");
            locals.forEach(l -> text.append(l).append('\n'));
        }
        int name = statementStartName(typed);
        if (name >= 0) {
            return new Analyzable(text.append(typed, 0, name).append(EXPRESSION_PROBE).append(typed.substring(name)).toString());
        }
        return new Analyzable(text.append(typed).toString());
    }

    /**
     * Text to analyze, ending with the text typed before the cursor: a position near its end
     * (JShell's anchor) is as far from the cursor as in the cell.
     */
    record Analyzable(String text) {
    }

    /**
     * Where a bare name being typed at the start of a statement begins ({@code gree} after
     * {@code {} or at the snippet's start), else -1. JShell would read it as a type there and
     * offer no variables.
     */
    static int statementStartName(String typed) {
        int start = typed.length();
        while (start > 0 && Character.isJavaIdentifierPart(typed.charAt(start - 1))) {
            start--;
        }
        if (start == typed.length() || !Character.isJavaIdentifierStart(typed.charAt(start))) {
            return -1;
        }
        String before = typed.substring(0, start).stripTrailing();
        boolean statementStart = before.isEmpty() || before.endsWith("{") || before.endsWith("}") || before.endsWith(";");
        long open = before.chars().filter(c -> c == '(').count();
        long closed = before.chars().filter(c -> c == ')').count();
        return statementStart && open == closed ? start : -1; // not inside a for (...;...) header
    }

    private static boolean startsWithStatementWord(String source) {
        var word = FIRST_WORD.matcher(source);
        return word.lookingAt() && STATEMENT_WORDS.contains(word.group());
    }

    /** A class or method declaration; {@code whole} when its body must be closed, as in a complete snippet. */
    private static boolean isTypeOrMethod(String source, boolean whole) {
        if (TYPE_DECLARATION.matcher(source).matches()) {
            return true;
        }
        int body = source.indexOf('{');
        return body > 0 && (!whole || source.endsWith("}")) && !startsWithStatementWord(source)
                && METHOD_HEADER.matcher(source.substring(0, body).strip()).matches();
    }
}
