package dev.assay.dsl.lang;

import java.util.List;

/**
 * Whether a cell of the language stops in the middle of a statement: its last line ends in a
 * comma (outside strings and comments), so the statement goes on on the next line, exactly as
 * the {@link Lexer} reads it. Consoles ask this to know whether Enter runs the cell.
 */
public final class StatementContinuation {

    private StatementContinuation() {
    }

    public static boolean goesOn(String text) {
        List<Token> tokens;
        try {
            tokens = Lexer.tokens(text);
        } catch (ParseException e) {
            return false; // running it shows the error where it is
        }
        for (int i = tokens.size() - 1; i >= 0; i--) {
            Token t = tokens.get(i);
            if (t.kind() != Token.Kind.END && t.kind() != Token.Kind.NEWLINE) {
                return t.kind() == Token.Kind.SYMBOL && t.text().equals(",");
            }
        }
        return false;
    }
}
