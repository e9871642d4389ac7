package dev.assay.dsl.load;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Refuses a text file whose bytes contradict the encoding it is loaded with, before it loads
 * as nonsense: UTF-8 text read as UTF-16 gives a single garbled column and no rows, without an
 * error. Looks at the first bytes only: a byte-order mark, and zero bytes (ASCII text in
 * UTF-16 has one in every pair; UTF-8 and Latin-1 text has none).
 */
final class EncodingCheck {

    static final int SAMPLE = 4096;

    private EncodingCheck() {
    }

    static void check(String path, Path file, String encoding) {
        byte[] head = head(file);
        if (head.length == 0) {
            return;
        }
        boolean utf16Mark = head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE)
                || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF));
        boolean zeros = false;
        for (byte b : head) {
            zeros |= b == 0;
        }
        boolean utf16 = encoding != null && encoding.toLowerCase(Locale.ROOT).equals("utf-16");
        if (utf16 && !utf16Mark && !zeros) {
            throw new LoadException("cannot load '" + path + "' as UTF-16: its first " + head.length + " bytes have no "
                    + "byte-order mark and no zero bytes, so it is not UTF-16 text (it reads as UTF-8 or Latin-1); "
                    + "load it without the encoding option (UTF-8 is the default) or with encoding='latin-1'");
        }
        if (!utf16 && utf16Mark) {
            throw new LoadException("cannot load '" + path + "'" + (encoding == null ? "" : " as " + encoding)
                    + ": it starts with a UTF-16 byte-order mark; load it with (encoding='utf-16')");
        }
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(SAMPLE);
        } catch (IOException e) {
            throw new LoadException("cannot read '" + file + "': " + e.getMessage(), e);
        }
    }
}
