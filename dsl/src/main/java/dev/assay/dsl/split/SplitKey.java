package dev.assay.dsl.split;

import dev.assay.dsl.engine.SqlDialect;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A row's place in a hash split, the same on any engine: SHA-256 of a canonical text of the
 * seed and the key's values, whose first 64 bits read as a fraction of 2^64 pick the part.
 * The canonical text is {@code assay-split-v1|SEED} followed, for each key column, by
 * {@code |N} for NULL or {@code |S<length>:<text>} (length in code points, text the value's
 * canonical VARCHAR), so that no two keys share a text. The fraction is compared as 16 hex
 * digits against each part's cumulative boundary floor(cum% * 2^64 / 100), so no floating
 * point is involved. {@link #hex16} is the same function in Java, for other engines to check against.
 */
public final class SplitKey {

    static final String VERSION = "assay-split-v1";
    private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

    private SplitKey() {
    }

    /** The SQL expression of the 16 leading hex digits of the key's hash. */
    public static String sqlHex16(SqlDialect d, long seed, List<String> columns) {
        List<String> parts = new ArrayList<>();
        parts.add(d.quoteLiteral(VERSION + "|" + seed));
        for (String column : columns) {
            String text = d.castText(d.quoteIdentifier(column));
            parts.add("CASE WHEN " + d.quoteIdentifier(column) + " IS NULL THEN '|N' ELSE "
                    + d.concatSkippingNulls(List.of("'|S'", d.castText(d.charLength(text)), "':'", text)) + " END");
        }
        // One flat concatenation, not a chain of '||' (nested once per column: too deep for wide rows);
        // no part is ever NULL, so skipping NULLs changes nothing.
        return "left(" + d.sha256Hex(d.concatSkippingNulls(parts)) + ", 16)";
    }

    /** The Java twin of {@link #sqlHex16}: values as their canonical text, null for NULL. */
    public static String hex16(long seed, List<String> values) {
        StringBuilder text = new StringBuilder(VERSION).append('|').append(seed);
        for (String v : values) {
            if (v == null) {
                text.append("|N");
            } else {
                text.append("|S").append(v.codePointCount(0, v.length())).append(':').append(v);
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
