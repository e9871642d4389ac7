package dev.assay.dsl.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a cell into tokens: words ({@code [A-Za-z_][A-Za-z0-9_]*}), single-quoted strings
 * with {@code \t \n \\ \'} escapes, numbers, symbols, and line ends (one statement a line).
 * {@code #} starts a comment to the end of the line.
 */
final class Lexer {

    private static final java.util.Set<String> TWO_CHAR_SYMBOLS = java.util.Set.of("<=", ">=", "!=", "==");
    private static final String ONE_CHAR_SYMBOLS = "=,():/<>%!";

    private final String text;
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (i < text.length()) {
            char c = text.charAt(i);
            Position at = new Position(line, i - lineStart + 1);
            if (c == '\n') {
                if (!endsWithComma(tokens)) { // a line ending in a comma goes on: long rule and column lists
                    tokens.add(new Token(Token.Kind.NEWLINE, "\n", at));
                }
                i++;
                line++;
                lineStart = i;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, string(at), at));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))
                    || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int start = i++;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), at));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), at));
            } else if (i + 1 < text.length() && TWO_CHAR_SYMBOLS.contains(text.substring(i, i + 2))) {
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(i, i + 2), at));
                i += 2;
            } else if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf(c), at));
                i++;
            } else {
                throw new ParseException(at, "unexpected character '" + c + "'"
                        + (c == '"' ? "; strings are in single quotes: 'like this'" : ""));
            }
        }
        tokens.add(new Token(Token.Kind.END, "", new Position(line, i - lineStart + 1)));
        return tokens;
    }

    private static boolean endsWithComma(List<Token> tokens) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        return last != null && last.kind() == Token.Kind.SYMBOL && last.text().equals(",");
    }

    private String string(Position at) {
        StringBuilder s = new StringBuilder();
        i++; // opening quote
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new ParseException(at, "this string has no closing quote (')");
            }
            char c = text.charAt(i++);
            if (c == '\'') {
                return s.toString();
            }
            if (c == '\\' && i < text.length()) {
                char e = text.charAt(i++);
                switch (e) {
                    case 't' -> s.append('\t');
                    case 'n' -> s.append('\n');
                    case '\\' -> s.append('\\');
                    case '\'' -> s.append('\'');
                    default -> throw new ParseException(new Position(line, i - lineStart - 1),
                            "unknown escape '\\" + e + "' in a string; use \\t, \\n, \\\\ or \\'");
                }
            } else {
                s.append(c);
            }
        }
    }
}
