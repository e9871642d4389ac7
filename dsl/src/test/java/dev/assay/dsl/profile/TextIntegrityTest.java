package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Text integrity and duplicate columns of small tables whose answers are planted; the
 * comparison with a pandas reference on real data is tests/data/test_profile_texts_vs_pandas.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextIntegrityTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private static ColumnProfile column(Profile p, String name) {
        return p.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void nullLikeTokensAreCountedPerTokenTrimmedAndInAnyCase() {
        ws.query("SELECT * FROM (VALUES ('NA'), (' na '), ('N/A'), (''), ('   '), (chr(9)), ('Null'), ('none'), ('NaN'), ('-'),"
                + " ('?'), ('nab'), ('a'), (NULL), (' ' || chr(160) || 'NONE')) t(s)", "tokens");
        TextIntegrity t = column(ws.dataset("tokens").profile(), "s").texts();
        // Empty, three spaces and a tab are the token ''; 'nab' and 'a' are no tokens; NULL is missing, not null-like.
        assertEquals(List.of(new TokenCount("", 3), new TokenCount("na", 2), new TokenCount("none", 2),
                new TokenCount("-", 1), new TokenCount("?", 1), new TokenCount("n/a", 1), new TokenCount("nan", 1),
                new TokenCount("null", 1)), t.nullLikeTokens());
        assertEquals(12, t.nullLike());
        assertEquals(0, t.numericLike(), "NaN is null-like, not a number");
    }

    @Test
    void numbersInTextFollowTheDocumentedGrammar() {
        ws.query("SELECT * FROM (VALUES ('1'), (' -2.5 '), ('+.5'), ('3.'), ('1e10'), ('1.5E-3'), ('007'),"
                + " ('1,000'), ('0x1F'), ('inf'), ('1e'), ('.'), ('- 1'), ('1_000'), ('١٢'), ('abc')) t(s)", "numbers");
        Profile p = ws.dataset("numbers").profile();
        TextIntegrity t = column(p, "s").texts();
        assertEquals(7, t.numericLike(), "the first seven; separators, hex, inf, a lone e or dot, Arabic digits are not");
        assertTrue(p.findings().stream().anyMatch(f -> f.kind().equals("mixed_types") && f.rows() == 7), p.findings().toString());
    }

    @Test
    void edgeSpacesAreCountedOnValuesWithSomethingInside() {
        ws.query("SELECT * FROM (VALUES (' a'), ('b '), (chr(9) || 'c'), ('d' || chr(8239)), ('e f'), ('  '), ('g')) t(s)", "edges");
        assertEquals(4, column(ws.dataset("edges").profile(), "s").texts().edgeSpaces(),
                "white space only is null-like; a space inside is no edge");
    }

    @Test
    void variantsGroupValuesEqualUnderNormalize() {
        ws.query("SELECT * FROM (VALUES ('Yes'), ('yes '), ('YES'), ('YES'), ('yes'), ('No'), ('no!'), ('maybe'),"
                + " ('!!'), ('?'), ('ok'), ('OK'), ('Ok.'), ('Ok.')) t(s)", "answers");
        Profile p = ws.dataset("answers").profile();
        TextIntegrity t = column(p, "s").texts();
        // Groups: yes (5 rows), ok (4 rows), no (2 rows); '!!' and '?' normalize to '' and make no group.
        assertEquals(3, t.variants());
        assertEquals(11, t.variantRows());
        assertEquals(List.of(List.of("YES", "Yes", "yes", "yes "), List.of("OK", "Ok.", "ok"), List.of("No", "no!")),
                t.variantExamples());
        assertTrue(p.findings().stream().anyMatch(f -> f.kind().equals("variants") && f.rows() == 11), p.findings().toString());
    }

    @Test
    void numbersAreNotTexts() {
        ws.query("SELECT range AS n FROM range(3)", "plain");
        assertNull(column(ws.dataset("plain").profile(), "n").texts());
    }

    @Test
    void duplicateColumnsAreEqualOnEveryRowWithNullsEqual() {
        ws.query("SELECT range AS a, range AS b, CASE WHEN range % 3 = 0 THEN NULL ELSE 'x' || range END AS t,"
                + " CASE WHEN range % 3 = 0 THEN NULL ELSE 'x' || range END AS u, range % 2 AS p, (range + 1) % 2 AS q,"
                + " CAST(range AS DOUBLE) AS d, 9 - range AS r FROM range(10)", "twins");
        Profile p = ws.dataset("twins").profile();
        // p and q have equal statistics and are still different; d holds a's numbers as another type.
        assertEquals(List.of(new ColumnPair("a", "b"), new ColumnPair("t", "u")), p.duplicateColumns());
        assertTrue(p.findings().stream().anyMatch(f -> f.kind().equals("duplicate_column") && f.column().equals("b")
                && f.rows() == 10), p.findings().toString());
    }

    @Test
    void threeEqualColumnsAmongLookalikesMakeThreePairs() {
        ws.query("SELECT x AS a, y AS b, x AS c, x AS d FROM (VALUES (1, 2), (2, 1), (1, 2), (2, 1)) t(x, y)", "three");
        assertEquals(List.of(new ColumnPair("a", "c"), new ColumnPair("a", "d"), new ColumnPair("c", "d")),
                ws.dataset("three").profile().duplicateColumns());
    }
}
