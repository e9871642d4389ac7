package dev.assay.kernel.java;

import java.util.Optional;

/**
 * Finds a string literal or text block too long for a class file (a constant holds at most
 * 65,535 bytes of modified UTF-8). JShell must never see one: after it fails to compile such
 * a snippet, every later snippet of the session fails with the same error, even after the
 * snippet is dropped (seen on JDK 17).
 */
final class ConstantSizeCheck {

    static final int MAX_CONSTANT_BYTES = 65_535;

    /** Where the literal starts (UTF-16 offset in the code) and how many bytes it would take. */
    record Oversized(int offset, long bytes) {
    }

    private ConstantSizeCheck() {
    }

    static Optional<Oversized> find(String code) {
        int i = 0;
        int n = code.length();
        while (i < n) {
            char c = code.charAt(i);
            if (c == '/' && i + 1 < n && code.charAt(i + 1) == '/') {
                int eol = code.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (c == '\'') {
                i = skipQuoted(code, i + 1, '\'');
            } else if (code.startsWith("\"\"\"", i)) {
                int end = code.indexOf("\"\"\"", i + 3);
                while (end > 0 && isEscaped(code, end)) {
                    end = code.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n : end;
                long bytes = decodedBytes(code, i + 3, end);
                if (bytes > MAX_CONSTANT_BYTES) {
                    return Optional.of(new Oversized(i, bytes));
                }
                i = Math.min(n, end + 3);
            } else if (c == '"') {
                int end = skipQuoted(code, i + 1, '"');
                long bytes = decodedBytes(code, i + 1, Math.max(i + 1, end - 1));
                if (bytes > MAX_CONSTANT_BYTES) {
                    return Optional.of(new Oversized(i, bytes));
                }
                i = end;
            } else {
                i++;
            }
        }
        return Optional.empty();
    }

    /** Index just after the closing quote (or the end of the line, for an unclosed literal). */
    private static int skipQuoted(String code, int i, char quote) {
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else if (c == '\n') {
                return i;
            } else {
                i++;
            }
        }
        return code.length();
    }

    private static boolean isEscaped(String code, int index) {
        int backslashes = 0;
        for (int j = index - 1; j >= 0 && code.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /**
     * Bytes of the constant after escapes are decoded. Text-block indentation is not
     * stripped, so a text block can be over-estimated by its indentation, never under.
     */
    private static long decodedBytes(String code, int from, int to) {
        if ((long) (to - from) * 3 <= MAX_CONSTANT_BYTES) {
            return to - from; // cannot be too long: skip the work
        }
        StringBuilder decoded = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            char c = code.charAt(i);
            if (c == '\\' && i + 1 < to) {
                char e = code.charAt(++i);
                switch (e) {
                    case 'n' -> decoded.append('\n');
                    case 't' -> decoded.append('\t');
                    case 'r' -> decoded.append('\r');
                    case 'b' -> decoded.append('\b');
                    case 'f' -> decoded.append('\f');
                    case 's' -> decoded.append(' ');
                    case '\n' -> { } // text-block line continuation
                    default -> {
                        if (e >= '0' && e <= '7') {
                            int end = i + 1;
                            while (end < to && end < i + 3 && code.charAt(end) >= '0' && code.charAt(end) <= '7') {
                                end++;
                            }
                            decoded.append((char) Integer.parseInt(code.substring(i, end), 8));
                            i = end - 1;
                        } else {
                            decoded.append(e);
                        }
                    }
                }
            } else {
                decoded.append(c);
            }
        }
        long bytes = 0;
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            bytes += c != 0 && c < 0x80 ? 1 : c < 0x800 ? 2 : 3; // modified UTF-8, as class files use
        }
        return bytes;
    }

}
