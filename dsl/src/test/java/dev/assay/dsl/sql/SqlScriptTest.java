package dev.assay.dsl.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void splitsAtSemicolonsAndKnowsEachStartLine() {
        List<SqlStatement> s = SqlScript.split("CREATE TABLE t (a INT);\n\nINSERT INTO t VALUES (1);\nSELECT * FROM t");
        assertEquals(List.of(new SqlStatement("CREATE TABLE t (a INT)", 1),
                new SqlStatement("INSERT INTO t VALUES (1)", 3),
                new SqlStatement("SELECT * FROM t", 4)), s);
    }

    @Test
    void semicolonsInStringsIdentifiersDollarQuotesAndCommentsDoNotSplit() {
        List<SqlStatement> s = SqlScript.split("""
                SELECT 'a;b', "odd;name", $$x;y$$, $t$p;q$t$ -- c;d
                /* e;f */ FROM x;
                SELECT 'it''s;fine'
                """);
        assertEquals(2, s.size());
        assertEquals(3, s.get(1).line());
        assertEquals("SELECT 'it''s;fine'", s.get(1).text());
    }

    @Test
    void emptyStatementsAndTrailingCommentsAreDropped() {
        assertEquals(1, SqlScript.split(";;SELECT 1;\n-- done\n;").size());
        assertEquals(0, SqlScript.split("  -- nothing\n/* at all */ ").size());
    }
}
