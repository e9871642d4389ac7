package dev.assay.dsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fingerprints depend on the schema and the multiset of rows, and on nothing else. */
class FingerprintTest {

    @TempDir
    static Path dir;
    private static Workspace ws;

    @BeforeAll
    static void load() {
        ws = Workspace.embedded();
        ws.load(SharedData.file("taxis.csv").toString(), "taxis", Map.of());
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    private static Fingerprint of(String relation) {
        return new Fingerprinter(ws.engine()).of(relation).fingerprint();
    }

    private static Fingerprint ofSql(String sql) {
        ws.sql(sql, "probe");
        return of("probe");
    }

    @Test
    void csvAndShuffledParquetGiveOneFingerprint() {
        Path parquet = dir.resolve("taxis-shuffled.parquet");
        ws.sql("COPY (SELECT * FROM taxis ORDER BY random()) TO '" + parquet + "' (FORMAT parquet)", null);
        ws.load(parquet.toString(), "from_parquet", Map.of());
        assertEquals(ws.dataset("taxis").schema(), ws.dataset("from_parquet").schema(), "the same types both ways");
        assertEquals(of("taxis"), of("from_parquet"));
        assertEquals(of("taxis"), ofSql("SELECT * FROM taxis ORDER BY fare DESC, pickup"), "row order does not matter");
    }

    @Test
    void everyKindOfChangeGivesAnotherFingerprint() {
        Fingerprint original = of("taxis");
        List<String> changed = List.of(
                "SELECT * REPLACE (CASE WHEN pickup = (SELECT min(pickup) FROM taxis) THEN fare + 0.01 ELSE fare END AS fare) FROM taxis",
                "SELECT * FROM taxis UNION ALL (SELECT * FROM taxis LIMIT 1)",
                "SELECT * FROM taxis WHERE pickup <> (SELECT min(pickup) FROM taxis)",
                "SELECT * REPLACE (CAST(passengers AS INTEGER) AS passengers) FROM taxis",
                "SELECT * RENAME (fare AS fare_usd) FROM taxis",
                "SELECT * EXCLUDE (tip), tip FROM taxis");
        List<Fingerprint> all = new ArrayList<>(List.of(original));
        for (String sql : changed) {
            Fingerprint f = ofSql(sql);
            assertNotEquals(original, f, sql);
            all.add(f);
        }
        assertEquals(all.size(), all.stream().distinct().count(), "every change gives its own fingerprint");
    }

    @Test
    void integerAndBigintDifferEvenWithEqualValues() {
        assertNotEquals(ofSql("SELECT CAST(range AS INTEGER) AS x FROM range(5)"),
                ofSql("SELECT CAST(range AS BIGINT) AS x FROM range(5)"));
    }

    @Test
    void nullEmptyNanAndSeparatorsStayApart() {
        List<Fingerprint> distinct = List.of(
                ofSql("SELECT NULL::VARCHAR AS a, 'x' AS b"),
                ofSql("SELECT ''::VARCHAR AS a, 'x' AS b"),
                ofSql("SELECT 'a|' AS a, 'b' AS b"),
                ofSql("SELECT 'a' AS a, '|b' AS b"),
                ofSql("SELECT '1:a' AS a, '' AS b"));
        assertEquals(distinct.size(), distinct.stream().distinct().count(), distinct.toString());
        assertNotEquals(ofSql("SELECT 'nan'::DOUBLE AS x"), ofSql("SELECT NULL::DOUBLE AS x"));
        assertNotEquals(ofSql("SELECT 0.0::DOUBLE AS x"), ofSql("SELECT -0.0::DOUBLE AS x"));
        assertNotEquals(ofSql("SELECT 0.1::DOUBLE AS x"), ofSql("SELECT 0.1::FLOAT AS x"));
        assertEquals(ofSql("SELECT 'nan'::DOUBLE AS x"), ofSql("SELECT -('nan'::DOUBLE) AS x"), "every NaN is one value");
        assertNotEquals(ofSql("SELECT 'infinity'::DATE AS d"), ofSql("SELECT NULL::DATE AS d"));
    }

    @Test
    void duplicateRowsCount() {
        Fingerprint once = ofSql("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(x, y)");
        Fingerprint twice = ofSql("SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) t(x, y)");
        Fingerprint swapped = ofSql("SELECT * FROM (VALUES (1, 'b'), (2, 'a')) t(x, y)");
        assertNotEquals(once, twice);
        assertNotEquals(once, swapped, "values stay bound to their rows");
    }

    /**
     * The encoding of docs/versions.md, written out by hand for a few rows: the engine's
     * fingerprint must be the one the document lets anyone compute.
     */
    @Test
    void matchesTheDocumentedEncoding() throws Exception {
        Fingerprint engine = ofSql("SELECT * FROM (VALUES "
                + "(1::BIGINT, 0.1::DOUBLE, 'naïve|x', DATE '1969-12-31', TIMESTAMP '2020-01-01 00:00:01.5', true, 12.50::DECIMAL(5,2)), "
                + "(NULL, 'nan'::DOUBLE, '', NULL, NULL, NULL, NULL), "
                + "(-7, -1e300, NULL, DATE '2000-03-01', TIMESTAMP '1969-12-31 23:59:59', false, -0.05)"
                + ") t(id, x, s, d, ts, b, m)");
        List<String> rows = List.of(
                "1|0.10000000000000001|8:naïve|x|-1|1577836801500000|true|12.50",
                "|nan|0:||||",
                "-7|-1.0000000000000001e+300||11017|-1000000|false|-0.05");
        BigInteger sum0 = BigInteger.ZERO;
        BigInteger sum1 = BigInteger.ZERO;
        for (String row : rows) {
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(row.getBytes(StandardCharsets.UTF_8)));
            sum0 = sum0.add(new BigInteger(hex.substring(0, 16), 16));
            sum1 = sum1.add(new BigInteger(hex.substring(16, 32), 16));
        }
        String text = "assay-fingerprint 1\ncolumns 7\n2:id BIGINT\n1:x DOUBLE\n1:s VARCHAR\n1:d DATE\n2:ts TIMESTAMP\n"
                + "1:b BOOLEAN\n1:m DECIMAL(5,2)\nrows 3\nsum0 " + sum0 + "\nsum1 " + sum1 + "\n";
        String expected = "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, engine.value());
    }

    @Test
    void emptyDatasetsDifferBySchema() {
        Fingerprint a = ofSql("SELECT 1::BIGINT AS x WHERE false");
        Fingerprint b = ofSql("SELECT 'a' AS x WHERE false");
        assertNotEquals(a, b);
        assertEquals(0, new Fingerprinter(ws.engine()).of("probe").rows());
    }
}
