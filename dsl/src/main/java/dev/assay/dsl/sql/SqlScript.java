package dev.assay.dsl.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements at semicolons that are not inside a string, a quoted
 * identifier, a dollar-quoted string or a comment, so that each statement can be run (and its
 * errors placed) on its own.
 */
public final class SqlScript {

    private SqlScript() {
    }

    public static List<SqlStatement> split(String script) {
        List<SqlStatement> statements = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = script.length();
        while (i < n) {
            char c = script.charAt(i);
            if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'' || c == '"') {
                i = closeQuote(script, i + 1, c);
            } else if (c == '$') {
                int tagEnd = script.indexOf('$', i + 1);
                String tag = tagEnd < 0 ? null : script.substring(i, tagEnd + 1);
                if (tag != null && tag.substring(1, tag.length() - 1).matches("[A-Za-z_]*")) {
                    int end = script.indexOf(tag, tagEnd + 1);
                    i = end < 0 ? n : end + tag.length();
                } else {
                    i++;
                }
            } else if (c == ';') {
                add(statements, script, start, i);
                start = i + 1;
                i++;
            } else {
                i++;
            }
        }
        add(statements, script, start, n);
        return statements;
    }

    /** Index after the closing quote; a doubled quote inside is part of the text. */
    private static int closeQuote(String s, int i, char quote) {
        while (i < s.length()) {
            if (s.charAt(i) == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }

    private static void add(List<SqlStatement> out, String script, int from, int to) {
        String text = script.substring(from, to);
        if (isBlankOrComment(text)) {
            return;
        }
        int lead = 0;
        while (lead < text.length() && Character.isWhitespace(text.charAt(lead))) {
            lead++;
        }
        int line = 1;
        for (int k = 0; k < from + lead; k++) {
            if (script.charAt(k) == '\n') {
                line++;
            }
        }
        out.add(new SqlStatement(text.strip(), line));
    }

    private static boolean isBlankOrComment(String text) {
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (rest.startsWith("--")) {
                int eol = rest.indexOf('\n');
                rest = eol < 0 ? "" : rest.substring(eol + 1).strip();
            } else if (rest.startsWith("/*")) {
                int end = rest.indexOf("*/");
                rest = end < 0 ? "" : rest.substring(end + 2).strip();
            } else {
                return false;
            }
        }
        return true;
    }
}
