package dev.assay.dsl.store;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Computes fingerprints inside the engine, in one aggregate pass: each row is encoded as text
 * (one field per column, joined by '|'), hashed with SHA-256, and the first two 64-bit words of
 * the row hashes are summed as exact integers. Sums do not depend on row order and count every
 * duplicate. The schema, the row count and the two sums are then hashed once more here. The
 * encoding is specified in docs/versions.md so that another implementation can reproduce it.
 */
public final class Fingerprinter {

    /** Changes whenever the encoding does: fingerprints of different formats never compare equal. */
    static final String FORMAT = "assay-fingerprint 1";

    private final SqlEngine engine;

    public Fingerprinter(SqlEngine engine) {
        this.engine = engine;
    }

    public Content of(String relation) {
        List<Column> schema = engine.schema(relation);
        SqlDialect d = engine.dialect();
        List<String> fields = new ArrayList<>();
        for (Column c : schema) {
            if (!fields.isEmpty()) {
                fields.add("'|'");
            }
            fields.add(d.fingerprintField(d.quoteIdentifier(c.name()), c.type()));
        }
        String rowHash = d.sha256Hex(d.concatSkippingNulls(fields));
        String sql = "SELECT count(*), " + d.castText("coalesce(sum(" + d.hexWord("h", 0) + "), 0)") + ", "
                + d.castText("coalesce(sum(" + d.hexWord("h", 1) + "), 0)")
                + " FROM (SELECT " + rowHash + " AS h FROM " + d.quoteIdentifier(relation) + ")";
        List<Object> totals = engine.smallResult(sql).get(0);
        long rows = ((Number) totals.get(0)).longValue();
        return new Content(digest(schema, rows, new BigInteger((String) totals.get(1)), new BigInteger((String) totals.get(2))),
                rows, schema);
    }

    /** The final hash over the schema, the row count and the two word sums. */
    static Fingerprint digest(List<Column> schema, long rows, BigInteger firstWords, BigInteger secondWords) {
        StringBuilder text = new StringBuilder(FORMAT).append('\n');
        text.append("columns ").append(schema.size()).append('\n');
        for (Column c : schema) {
            text.append(c.name().getBytes(StandardCharsets.UTF_8).length).append(':').append(c.name())
                    .append(' ').append(c.type()).append('\n');
        }
        text.append("rows ").append(rows).append('\n');
        text.append("sum0 ").append(firstWords).append('\n');
        text.append("sum1 ").append(secondWords).append('\n');
        return new Fingerprint("sha256:" + sha256Hex(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
