package dev.assay.dsl.naming;

import java.util.Optional;

/** Text written back as a single-quoted string of the language, with the escapes its lexer reads. */
public final class LanguageString {

    private LanguageString() {
    }

    /** The text of a string written by {@link #quote}, or empty when {@code written} is not one. */
    public static Optional<String> unquote(String written) {
        if (written.length() < 2 || !written.startsWith("'") || !written.endsWith("'")) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i < written.length() - 1; i++) {
            char c = written.charAt(i);
            if (c == '\\' && i + 1 < written.length() - 1) {
                char e = written.charAt(++i);
                text.append(e == 't' ? '\t' : e == 'n' ? '\n' : e);
            } else if (c == '\'' || c == '\\') {
                return Optional.empty(); // an unescaped quote or a trailing backslash: not one string
            } else {
                text.append(c);
            }
        }
        return Optional.of(text.toString());
    }

    public static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t").replace("\n", "\\n") + "'";
    }
}
