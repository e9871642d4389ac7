package dev.assay.dsl.functions;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * A value's field in the fingerprint's row encoding (docs/versions.md), which split keys of
 * version 2 share: the engine-neutral text of a value, by its logical type. Numbers, booleans
 * and times are digits and signs (never empty, never '|'); text and blobs carry their length
 * first, so that fields joined by '|' read back one way only. The SQL of each engine computes
 * the same text; these are the definitions it is tested against.
 */
public final class FingerprintFields {

    private FingerprintFields() {
    }

    /** Integers of any width; also days since 1970-01-01 (DATE) and micro- or nanoseconds (times). */
    public static String integer(long value) {
        return Long.toString(value);
    }

    public static String bool(boolean value) {
        return value ? "true" : "false";
    }

    /** DECIMAL(p,s): plain digits with exactly s digits after the point. */
    public static String decimal(BigDecimal value) {
        return value.toPlainString();
    }

    /** FLOAT and DOUBLE (a FLOAT widened exactly): every NaN is "nan", else C's %.17g. */
    public static String floating(double value) {
        return Double.isNaN(value) ? "nan" : CDoubleFormat.g17(value);
    }

    /** VARCHAR and every type written as text: its length in UTF-8 bytes, ':', the text. */
    public static String text(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }

    /** BLOB: the number of hex digits, ':', the bytes in upper-case hex. */
    public static String blob(byte[] value) {
        String hex = HexFormat.of().withUpperCase().formatHex(value);
        return hex.length() + ":" + hex;
    }
}
