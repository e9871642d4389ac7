package dev.assay.dsl.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens of SQL text as completion needs them: words, quoted identifiers, strings and single
 * characters, with comments dropped. Forgiving, for text being typed: an unclosed string,
 * identifier or comment runs to the end.
 */
final class SqlTokens {

    enum Kind { WORD, QUOTED_IDENTIFIER, STRING, COMMENT, SYMBOL }

    /** {@code closed} is false for a quote or comment still open at the end of the text. */
    record Token(Kind kind, String text, int start, int end, boolean closed) {

        /** A word or quoted identifier as DuckDB reads it: quotes removed, doubled quotes undone. */
        String name() {
            if (kind != Kind.QUOTED_IDENTIFIER) {
                return text;
            }
            String inner = text.substring(1, closed ? text.length() - 1 : text.length());
            return inner.replace("\"\"", "\"");
        }

        boolean isWord(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.charAt(0) == c;
        }
    }

    private SqlTokens() {
    }

    static List<Token> of(String sql) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol;
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), start, i, eol >= 0));
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int close = sql.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
                tokens.add(new Token(Kind.COMMENT, sql.substring(start, i), start, i, close >= 0));
            } else if (c == '\'' || c == '"') {
                int close = closing(sql, i + 1, c);
                i = close < 0 ? n : close + 1;
                tokens.add(new Token(c == '"' ? Kind.QUOTED_IDENTIFIER : Kind.STRING, sql.substring(start, i), start, i,
                        close >= 0));
            } else if (isWordChar(c)) {
                while (i < n && isWordChar(sql.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Kind.WORD, sql.substring(start, i), start, i, true));
            } else {
                i++;
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start, i, true));
            }
        }
        return tokens;
    }

    static boolean isWordChar(char c) {
        return c == '_' || c == '$' || Character.isLetterOrDigit(c);
    }

    /** The index of the quote that closes one opened before {@code from}; a doubled quote is part of the text. */
    private static int closing(String sql, int from, char quote) {
        int i = from;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i;
            }
            i++;
        }
        return -1;
    }
}
