package dev.assay.dsl.load;

import dev.assay.dsl.naming.Excerpt;
import java.util.List;
import java.util.Map;

/**
 * The characters that shape a CSV (delimiter, quote, escape), checked before the engine sees
 * them: a control character such as NUL or a line end cannot separate fields, and the
 * delimiter cannot also be the quote or the escape.
 */
final class CsvCharacters {

    private static final List<String> OPTIONS = List.of("delimiter", "quote", "escape");

    private CsvCharacters() {
    }

    /** Options already typed by {@link FileFormat}: each of these is a string of at most one character. */
    static void check(Map<String, Object> options) {
        for (String option : OPTIONS) {
            if (options.get(option) instanceof String s && !s.isEmpty()) {
                int c = s.codePointAt(0);
                if (Character.isISOControl(c) && c != '\t') {
                    throw new LoadException("option " + option + " cannot be the control character " + Excerpt.character(c)
                            + "; use a visible character such as ',' ';' '|' or a tab ('\\t')");
                }
            }
        }
        Object delimiter = options.get("delimiter");
        for (String other : List.of("quote", "escape")) {
            if (delimiter != null && delimiter.equals(options.get(other))) {
                throw new LoadException("options delimiter and " + other + " are both '" + delimiter
                        + "'; a character cannot both separate fields and " + (other.equals("quote") ? "quote them" : "escape quotes"));
            }
        }
    }
}
