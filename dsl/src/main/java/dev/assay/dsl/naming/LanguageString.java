package dev.assay.dsl.naming;

/** Text written back as a single-quoted string of the language, with the escapes its lexer reads. */
public final class LanguageString {

    private LanguageString() {
    }

    public static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\t", "\\t").replace("\n", "\\n") + "'";
    }
}
