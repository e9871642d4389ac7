package dev.assay.dsl.lang;

import dev.assay.dsl.naming.Excerpt;

/** One lexical token. {@code text} is the value: a string's content with escapes applied, a word as written. */
public record Token(Kind kind, String text, Position position) {

    public enum Kind { WORD, STRING, NUMBER, SYMBOL, NEWLINE, END }

    public boolean isWord(String keyword) {
        return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    public String describe() {
        return switch (kind) {
            case WORD -> "'" + Excerpt.of(text) + "'";
            case STRING -> "the string '" + Excerpt.of(text) + "'";
            case NUMBER -> "the number " + text;
            case SYMBOL -> "'" + text + "'";
            case NEWLINE -> "the end of the line";
            case END -> "the end of the cell";
        };
    }
}
