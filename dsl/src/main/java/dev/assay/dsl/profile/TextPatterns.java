package dev.assay.dsl.profile;

/**
 * The regular expressions of the profile's text integrity, written in the part of the syntax
 * that RE2 (DuckDB) and java.util.regex (Spark) read alike: explicit character classes,
 * {@code ^} and {@code \z} (Java's {@code $} would also match before a final line break), and no
 * case-insensitive letters whose Unicode case folding differs between the two.
 */
final class TextPatterns {

    /**
     * White space as {@code normalize} collapses it (SqlDialect#normalizeText): \t \n \v \f \r
     * and the Unicode separators \p{Z} (Zs, Zl, Zp), listed rather than named so that the set
     * does not depend on an engine's Unicode version.
     */
    private static final String SPACE_CLASS = "\\t\\n\\x0B\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}"
            + "\\x{202F}\\x{205F}\\x{3000}";
    static final String SPACE = "[" + SPACE_CLASS + "]";
    static final String NOT_SPACE = "[^" + SPACE_CLASS + "]";

    /**
     * A number in text: an optional sign, decimal digits with an optional fraction (or a fraction
     * alone), an optional exponent, white space around allowed. ASCII digits only; no
     * {@code nan}, {@code inf}, hex, thousands separators or underscores.
     */
    static final String NUMBER = whole("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** White space at the start or the end of a value that holds something else too. */
    static final String EDGE_SPACE = "^" + SPACE + "+" + NOT_SPACE + "|" + NOT_SPACE + SPACE + "+\\z";

    private TextPatterns() {
    }

    /** The whole value is {@code core}, with any white space around it. */
    static String whole(String core) {
        return "^" + SPACE + "*" + core + SPACE + "*\\z";
    }
}
