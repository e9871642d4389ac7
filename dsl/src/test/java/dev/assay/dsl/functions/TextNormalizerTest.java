package dev.assay.dsl.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.assay.dsl.engine.DuckDbDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TextNormalizer} against DuckDB's lower() and the normalize SQL of {@link DuckDbDialect}. */
class TextNormalizerTest {

    private static final int MAX_CODE_POINT = 0x10FFFF;

    @Test
    void lowerEqualsDuckDbsOnEveryCodePoint() throws SQLException {
        // Each code point alone, so a difference names the character; surrogates are no text.
        String sql = "SELECT cp, lower(chr(cp)), regexp_matches(chr(cp), '\\p{P}'), "
                + "regexp_matches(chr(cp), '[\\t\\n\\x0B\\f\\r\\p{Z}]') FROM (SELECT CAST(range AS INTEGER) AS cp "
                + "FROM range(1, " + (MAX_CODE_POINT + 1) + ")) WHERE cp < 55296 OR cp > 57343 ORDER BY cp";
        int checked = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                int cp = rs.getInt(1);
                String text = new String(Character.toChars(cp));
                assertEquals(rs.getString(2), TextNormalizer.lower(text), "lower of U+" + Integer.toHexString(cp));
                assertEquals(rs.getBoolean(3), UnicodeTables.in(UnicodeTables.PUNCTUATION, cp), "\\p{P} of U+" + Integer.toHexString(cp));
                assertEquals(rs.getBoolean(4), UnicodeTables.in(UnicodeTables.SPACE, cp), "space of U+" + Integer.toHexString(cp));
                checked++;
            }
        }
        assertEquals(MAX_CODE_POINT - 2048, checked);
    }

    @Test
    void normalizeEqualsDuckDbsSqlOnEdgeCasesAndRandomText() throws SQLException {
        List<String> texts = new ArrayList<>(List.of("", " ", "Hello, World!", "  ΟΔΟΣ  ", "İstanbul", "STRASSE ẞ",
                "𐐀𐐨 deseret", "a\u00A0\u2003b", "tab\tand\nnew\u000Bline\fx\ry", "«quoted» — dash…", "a , b", ",a,",
                "ǅungla", "ÅNGSTRÖM Å", "KELVIN K", "Ⅻ Ⓐ ﬀ", "\u0085next line", "x\u2028y\u2029z", "...", " \t "));
        SplittableRandom random = new SplittableRandom(23);
        for (int i = 0; i < 3000; i++) {
            texts.add(randomText(random));
        }
        List<String> duckDb = DuckDbOverValues.apply(texts, "VARCHAR", new DuckDbDialect().normalizeText("v"));
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(duckDb.get(i), TextNormalizer.normalize(texts.get(i)), "text " + codePoints(texts.get(i)));
        }
        assertNull(TextNormalizer.normalize(null));
    }

    /** Mostly letters, spaces and punctuation of several scripts, with any code point now and then. */
    private static String randomText(SplittableRandom random) {
        int[] pool = {'A', 'z', ' ', '\t', ',', '.', '!', '-', 0x130, 0x3A3, 0x1E9E, 0x10400, 0x1F600, 0x00A0, 0x3000,
                0x2028, 0x0085, 0x00AB, 0x2014, 0x0410, 0x05D0, 0x0627, 0x4E2D, 0x1C5, 0x212A, 0xFF01, 0x10FFFD};
        StringBuilder out = new StringBuilder();
        int length = random.nextInt(0, 25);
        for (int i = 0; i < length; i++) {
            int cp;
            if (random.nextInt(4) == 0) {
                do {
                    cp = random.nextInt(1, MAX_CODE_POINT + 1);
                } while (cp >= 0xD800 && cp <= 0xDFFF);
            } else {
                cp = pool[random.nextInt(pool.length)];
            }
            out.appendCodePoint(cp);
        }
        return out.toString();
    }

    private static String codePoints(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(String.format("U+%04X ", cp)));
        return out.toString().strip();
    }
}
