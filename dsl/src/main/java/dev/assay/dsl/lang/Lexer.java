package dev.assay.dsl.lang;

import dev.assay.dsl.naming.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Splits a cell into tokens: words ({@code [A-Za-z_][A-Za-z0-9_]*}), single-quoted strings
 * with {@code \t \n \\ \'} escapes, numbers, symbols, and line ends (one statement a line).
 * {@code #} starts a comment to the end of the line. Columns count code points, as Jupyter
 * clients do, so a character outside the BMP is one column and is never cut in half.
 */
final class Lexer {

    private static final Set<String> TWO_CHAR_SYMBOLS = Set.of("<=", ">=", "!=", "==");
    private static final String ONE_CHAR_SYMBOLS = "=,():/<>%!";
    /** A number as the language writes it: digits with at most one decimal point, maybe a leading minus. */
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");

    private final String text;
    private int i;
    private int line = 1;
    private int column = 1;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private int current() {
        return text.codePointAt(i);
    }

    private boolean startsDigitAt(int index) {
        return index < text.length() && Character.isDigit(text.charAt(index));
    }

    /** Moves past one code point. */
    private void advance() {
        i += Character.charCount(text.codePointAt(i));
        column++;
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (i < text.length()) {
            int c = current();
            Position at = new Position(line, column);
            if (c == '\n') {
                if (!endsWithComma(tokens)) { // a line ending in a comma goes on: long rule and column lists
                    tokens.add(new Token(Token.Kind.NEWLINE, "\n", at));
                }
                i++;
                line++;
                column = 1;
            } else if (Character.isWhitespace(c)) {
                advance();
            } else if (c == '#') {
                while (i < text.length() && text.charAt(i) != '\n') {
                    advance();
                }
            } else if (c == '\'') {
                tokens.add(new Token(Token.Kind.STRING, string(at), at));
            } else if (Character.isDigit(c) || ((c == '.' || c == '-') && startsDigitAt(i + 1))) {
                tokens.add(new Token(Token.Kind.NUMBER, number(at), at));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < text.length() && (Character.isLetterOrDigit(current()) || current() == '_')) {
                    advance();
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), at));
            } else if (i + 1 < text.length() && TWO_CHAR_SYMBOLS.contains(text.substring(i, i + 2))) {
                tokens.add(new Token(Token.Kind.SYMBOL, text.substring(i, i + 2), at));
                advance();
                advance();
            } else if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
                tokens.add(new Token(Token.Kind.SYMBOL, String.valueOf((char) c), at));
                advance();
            } else {
                throw new ParseException(at, "unexpected character " + Excerpt.character(c)
                        + (c == '"' ? "; strings are in single quotes: 'like this'" : ""));
            }
        }
        tokens.add(new Token(Token.Kind.END, "", new Position(line, column)));
        return tokens;
    }

    /**
     * A number and whatever is glued to it ({@code 1.2.3}, {@code 5k}), so that a malformed one
     * is refused whole, here, instead of reading as a number and a stray word.
     */
    private String number(Position at) {
        int start = i;
        advance();
        while (i < text.length() && (Character.isLetterOrDigit(current()) || current() == '.' || current() == '_')) {
            advance();
        }
        String written = text.substring(start, i);
        if (!NUMBER.matcher(written).matches()) {
            throw new ParseException(at, "'" + Excerpt.of(written) + "' is not a number: write digits with at most "
                    + "one decimal point, like 42 or 0.5");
        }
        return written;
    }

    private static boolean endsWithComma(List<Token> tokens) {
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        return last != null && last.kind() == Token.Kind.SYMBOL && last.text().equals(",");
    }

    private String string(Position at) {
        StringBuilder s = new StringBuilder();
        advance(); // opening quote
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new ParseException(at, "this string has no closing quote (')");
            }
            int c = current();
            Position escapeAt = new Position(line, column);
            advance();
            if (c == '\'') {
                return s.toString();
            }
            if (c == '\\' && i < text.length() && text.charAt(i) != '\n') {
                int e = current();
                advance();
                switch (e) {
                    case 't' -> s.append('\t');
                    case 'n' -> s.append('\n');
                    case '\\' -> s.append('\\');
                    case '\'' -> s.append('\'');
                    default -> throw new ParseException(escapeAt, "unknown escape '\\" + new String(Character.toChars(e))
                            + "' in a string; use \\t, \\n, \\\\ or \\'");
                }
            } else {
                s.appendCodePoint(c);
            }
        }
    }
}
