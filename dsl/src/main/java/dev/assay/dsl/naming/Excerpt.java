package dev.assay.dsl.naming;

import java.util.Locale;

/**
 * User text quoted in an error message, cut to a readable length: a 5 MB line must not make a
 * 5 MB message. Cuts fall between code points, never inside a character.
 */
public final class Excerpt {

    /** How many characters of user text a message quotes at most. */
    public static final int MAX = 100;

    private Excerpt() {
    }

    /** {@code text} itself when short, else its first {@link #MAX} characters and "…(N characters)". */
    public static String of(String text) {
        int length = text.codePointCount(0, text.length());
        if (length <= MAX) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX)) + "…(" + String.format(Locale.ROOT, "%,d", length)
                + " characters)";
    }

    /** How a single character reads in a message: itself, with its code point when it is invisible or unusual. */
    public static String character(int codePoint) {
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint) || !Character.isDefined(codePoint)) {
            return code;
        }
        return "'" + new String(Character.toChars(codePoint)) + "'" + (codePoint > 0x7F ? " (" + code + ")" : "");
    }
}
