package dev.assay.dsl.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** %%sql completion against a real DuckDB: tables, columns, keywords and functions where each comes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SqlAssistTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT 1.0 AS sepal_length, 2.0 AS \"Sepal Width\", 'x' AS \"table\", 'y' AS species", "petals");
        ws.query("SELECT 1 AS sepia, 2 AS id", "petal_widths");
        // Names the language refuses but SQL allows: made by SQL.
        ws.sql("CREATE TABLE \"Mixed Case\" AS SELECT 1 AS id", null);
        ws.sql("CREATE TABLE \"order\" AS SELECT 1 AS id", null);
        ws.sql("CREATE VIEW petal_view AS SELECT * FROM petals", null);
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private LanguageAssist.Completions at(String sql, int cursor) {
        return SqlAssist.complete(sql, cursor, ws);
    }

    private List<String> complete(String sql) {
        return at(sql, sql.length()).matches();
    }

    /** Asked of DuckDB directly, as the reference for what the engine knows. */
    private Set<String> duckdb(String query) {
        return ws.engine().smallResult(query).stream().map(r -> String.valueOf(r.get(0))).collect(Collectors.toSet());
    }

    @Test
    void tablesAndViewsAfterFromJoinAndCommasOfTheFromList() {
        assertEquals(List.of("petal_view", "petal_widths", "petals"), complete("SELECT * FROM pet"));
        assertEquals(List.of("petal_view", "petal_widths", "petals"), complete("select * from petals p join pet"));
        assertEquals(List.of("petal_view", "petal_widths", "petals"), complete("SELECT * FROM petals, pet"));
        assertEquals(List.of("petal_view", "petal_widths", "petals"), complete("SELECT * FROM (SELECT 1 FROM petals), pet"));
        LanguageAssist.Completions c = at("SELECT * FROM pet WHERE 1 = 1", "SELECT * FROM pe".length());
        assertEquals("SELECT * FROM ".length(), c.start());
        assertEquals("SELECT * FROM pet".length(), c.end(), "the whole word is replaced");
    }

    @Test
    void tableFunctionsComeAfterFromToo() {
        Set<String> expected = duckdb("SELECT DISTINCT function_name FROM duckdb_functions() "
                + "WHERE function_type = 'table' AND function_name LIKE 'read_csv%'");
        assertFalse(expected.isEmpty());
        assertEquals(expected, Set.copyOf(complete("SELECT * FROM read_csv")));
    }

    @Test
    void namesThatNeedQuotesAreQuoted() {
        assertEquals(List.of("\"Mixed Case\""), complete("SELECT * FROM Mix"));
        assertEquals(List.of("\"order\""), complete("SELECT * FROM ord"), "a reserved word");
        LanguageAssist.Completions typedQuote = at("SELECT * FROM \"Mix", "SELECT * FROM \"Mix".length());
        assertEquals(List.of("\"Mixed Case\""), typedQuote.matches());
        assertEquals("SELECT * FROM ".length(), typedQuote.start(), "the opening quote is replaced too");
        String sql = "SELECT \"Sep\" FROM petals";
        LanguageAssist.Completions column = at(sql, "SELECT \"Sep".length());
        assertEquals(List.of("\"Sepal Width\"", "\"sepal_length\""), column.matches());
        assertEquals("SELECT ".length(), column.start());
        assertEquals("SELECT \"Sep\"".length(), column.end(), "up to the closing quote");
    }

    @Test
    void columnsOfTheTablesTheStatementNamesBeforeOrAfterTheCursor() {
        String sql = "SELECT sep FROM petals";
        List<String> matches = at(sql, "SELECT sep".length()).matches();
        assertEquals(List.of("\"Sepal Width\"", "sepal_length"), matches.subList(0, 2));
        assertFalse(matches.contains("sepia"), "petal_widths is not in the statement");
        assertTrue(complete("SELECT * FROM petals WHERE tab").contains("\"table\""));
        assertTrue(complete("SELECT * FROM petals JOIN petal_widths USING (id) WHERE sep").containsAll(
                List.of("\"Sepal Width\"", "sepal_length", "sepia")));
        assertFalse(complete("SELECT * FROM petals; SELECT 1 WHERE sep").contains("sepal_length"),
                "another statement's tables do not count");
    }

    @Test
    void columnsAfterATableOrItsAlias() {
        List<String> all = List.of("\"Sepal Width\"", "sepal_length", "species", "\"table\"");
        assertEquals(all, complete("SELECT petals."));
        assertEquals(all, at("SELECT p. FROM petals AS p", "SELECT p.".length()).matches());
        assertEquals(List.of("sepal_length", "species"), at("SELECT p.sp, p.sepal_l FROM petals p", "SELECT p.s".length())
                .matches().stream().filter(m -> !m.startsWith("\"")).toList());
        assertEquals(List.of("\"Sepal Width\""), complete("SELECT petals.\"Sepal W"));
        assertEquals(List.of(), complete("SELECT nosuchtable."));
    }

    @Test
    void keywordsInTheCaseTheUserTypes() {
        assertTrue(complete("sel").contains("select"));
        assertFalse(complete("sel").contains("SELECT"));
        assertTrue(complete("SEL").contains("SELECT"));
        assertTrue(complete("SELECT * FROM petals WH").contains("WHERE"));
        assertTrue(complete("select * from petals wh").contains("where"));
        List<String> afterLowerKeywords = complete("select * from petals ");
        assertTrue(afterLowerKeywords.contains("where") && !afterLowerKeywords.contains("WHERE"));
        assertTrue(complete("SELECT * FROM petals ").contains("WHERE"));
        Set<String> keywords = duckdb("SELECT keyword_name FROM duckdb_keywords() WHERE keyword_name LIKE 'gro%'");
        assertTrue(complete("SELECT 1 GRO").containsAll(keywords.stream().map(String::toUpperCase).toList()));
    }

    @Test
    void functionsOfTheEngineInTheCaseTheUserTypes() {
        Set<String> expected = duckdb("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name LIKE 'string_spl%'");
        assertFalse(expected.isEmpty());
        assertEquals(expected, Set.copyOf(complete("SELECT string_spl")));
        assertEquals(expected.stream().map(String::toUpperCase).collect(Collectors.toSet()), Set.copyOf(complete("SELECT STRING_SPL")));
        ws.sql("CREATE MACRO assay_twice(x) AS 2 * x", null);
        assertEquals(List.of("assay_twice"), complete("SELECT assay_tw"), "macros made in the session count");
    }

    @Test
    void nothingInsideStringsAndComments() {
        assertEquals(List.of(), complete("SELECT * FROM read_csv('pet"));
        assertEquals(List.of(), complete("SELECT * FROM petals -- FROM pet"));
        assertEquals(List.of(), complete("SELECT * FROM petals /* FROM pet"));
        assertEquals(List.of("petal_view", "petal_widths", "petals"), complete("SELECT * /* a, b */ FROM pet"));
    }
}
