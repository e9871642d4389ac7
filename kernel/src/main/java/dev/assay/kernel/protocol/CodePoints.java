package dev.assay.kernel.protocol;

/** Jupyter counts cursor positions in Unicode code points; Java strings in UTF-16 units. */
final class CodePoints {

    private CodePoints() {
    }

    static int toCharIndex(String text, int codePoints) {
        int total = text.codePointCount(0, text.length());
        int clamped = Math.max(0, Math.min(codePoints, total));
        return text.offsetByCodePoints(0, clamped);
    }

    static int toCodePoints(String text, int charIndex) {
        return text.codePointCount(0, Math.max(0, Math.min(charIndex, text.length())));
    }
}
