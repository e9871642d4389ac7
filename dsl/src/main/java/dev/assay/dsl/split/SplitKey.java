package dev.assay.dsl.split;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.LogicalType;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A row's place in a hash split, the same on any engine: SHA-256 of a canonical text of the
 * seed and the key's values, whose first 64 bits read as a fraction of 2^64 pick the part.
 * The fraction is compared as 16 hex digits against each part's cumulative boundary
 * floor(cum% * 2^64 / 100), so no floating point is involved.
 *
 * <p>Two versions of the text (docs/duplicates-and-splits.md). Version 1, {@code
 * assay-split-v1|SEED} then per key column {@code |N} for NULL or {@code |S<length>:<text>}
 * (length in code points, text the value's VARCHAR cast), is kept where that cast is the same
 * on every engine (text, integers, booleans, decimals), so splits made before version 2 keep
 * their rows. Any other key type (doubles, times, lists ...) takes version 2, {@code
 * assay-split-v2|SEED} then per column {@code |N} or {@code |V<field>}, the field being the
 * fingerprint's engine-neutral encoding of the value. {@link #hex16} is the same function in Java.
 */
public final class SplitKey {

    static final String VERSION_1 = "assay-split-v1";
    static final String VERSION_2 = "assay-split-v2";
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private SplitKey() {
    }

    /** The key's columns, with their types, in the order of {@code names}. */
    public static List<Column> columns(SqlEngine engine, String dataset, List<String> names) {
        Map<String, Column> byName = new HashMap<>();
        engine.schema(dataset).forEach(c -> byName.put(c.name(), c));
        List<Column> key = new ArrayList<>();
        for (String name : names) {
            Column column = byName.get(name);
            if (column == null) {
                throw new IllegalArgumentException("no column '" + name + "' in " + dataset);
            }
            key.add(column);
        }
        return key;
    }

    /** 1 when every key column's text is the same on every engine, else 2. */
    public static int version(List<Column> key) {
        return key.stream().allMatch(c -> LogicalType.of(c.type()).hasPortableText()) ? 1 : 2;
    }

    /** The SQL expression of the 16 leading hex digits of the key's hash, in {@link #version}. */
    public static String sqlHex16(SqlDialect d, long seed, List<Column> key) {
        int version = version(key);
        List<String> parts = new ArrayList<>();
        parts.add(d.quoteLiteral((version == 1 ? VERSION_1 : VERSION_2) + "|" + seed));
        for (Column column : key) {
            String value = d.quoteIdentifier(column.name());
            String field;
            if (version == 1) {
                String text = d.castText(value);
                field = d.concatSkippingNulls(List.of("'|S'", d.castText(d.charLength(text)), "':'", text));
            } else {
                field = d.concatSkippingNulls(List.of("'|V'", d.fingerprintField(value, column.type())));
            }
            parts.add("CASE WHEN " + value + " IS NULL THEN '|N' ELSE " + field + " END");
        }
        // One flat concatenation, not a chain of '||' (nested once per column: too deep for wide rows);
        // no part is ever NULL, so skipping NULLs changes nothing.
        return "left(" + d.sha256Hex(d.concatSkippingNulls(parts)) + ", 16)";
    }

    /** The Java twin of {@link #sqlHex16} for version 1: values as their canonical text, null for NULL. */
    public static String hex16(long seed, List<String> values) {
        return hex16(1, seed, values);
    }

    /**
     * The Java twin of {@link #sqlHex16}: for version 1 the values' canonical text, for version 2
     * their fingerprint fields ({@code functions.FingerprintFields}); null for NULL.
     */
    public static String hex16(int version, long seed, List<String> values) {
        if (version != 1 && version != 2) {
            throw new IllegalArgumentException("split key version " + version + " does not exist (1 or 2)");
        }
        StringBuilder text = new StringBuilder(version == 1 ? VERSION_1 : VERSION_2).append('|').append(seed);
        for (String v : values) {
            if (v == null) {
                text.append("|N");
            } else if (version == 1) {
                text.append("|S").append(v.codePointCount(0, v.length())).append(':').append(v);
            } else {
                text.append("|V").append(v);
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The part a hash of 16 hex digits falls in, for these percentages. */
    public static int part(String hex16, List<BigDecimal> percentages) {
        List<String> bounds = boundaries(percentages);
        for (int i = 0; i < bounds.size(); i++) {
            if (hex16.compareTo(bounds.get(i)) < 0) {
                return i;
            }
        }
        return percentages.size() - 1;
    }

    /** The upper boundary of every part but the last, as 16 lower-case hex digits. */
    public static List<String> boundaries(List<BigDecimal> percentages) {
        List<String> out = new ArrayList<>();
        BigDecimal cumulative = BigDecimal.ZERO;
        for (int i = 0; i < percentages.size() - 1; i++) {
            cumulative = cumulative.add(percentages.get(i));
            BigInteger bound = cumulative.multiply(new BigDecimal(TWO_TO_64)).divideToIntegralValue(BigDecimal.valueOf(100))
                    .toBigInteger();
            out.add(String.format("%16s", bound.toString(16)).replace(' ', '0'));
        }
        return out;
    }
}
