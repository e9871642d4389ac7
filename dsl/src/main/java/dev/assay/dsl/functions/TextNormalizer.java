package dev.assay.dsl.functions;

/**
 * Text as {@code normalize} compares it (docs/duplicates-and-splits.md): each code point
 * lower-cased on its own (DuckDB's {@code lower}: no final sigma, 'İ' becomes 'i'), Unicode
 * punctuation (\p{P}) removed, runs of white space (\t \n \v \f \r and \p{Z}) made one space,
 * spaces at either end removed. In that order: removing punctuation can join two runs of space.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** NULL in, NULL out, as the SQL it replaces. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            int lower = lowerCase(cp);
            if (UnicodeTables.in(UnicodeTables.PUNCTUATION, lower)) {
                continue;
            }
            if (UnicodeTables.in(UnicodeTables.SPACE, lower)) {
                pendingSpace = true;
                continue;
            }
            if (pendingSpace && out.length() > 0) {
                out.append(' ');
            }
            pendingSpace = false;
            out.appendCodePoint(lower);
        }
        return out.toString();
    }

    /** DuckDB's {@code lower}: code point by code point, one code point each. */
    public static String lower(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(lowerCase(cp)));
        return out.toString();
    }

    static int lowerCase(int codePoint) {
        return UnicodeTables.LOWER.getOrDefault(codePoint, codePoint);
    }
}
