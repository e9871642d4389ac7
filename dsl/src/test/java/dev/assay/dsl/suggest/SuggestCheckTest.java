package dev.assay.dsl.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.statements.CheckStatement;
import dev.assay.dsl.workspace.Workspace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code suggest check for NAME [vs HOLDOUT]} on small tables: the statement runs as written and
 * passes, a planted change in one column fails that column's rules only, a holdout widens or
 * drops what it breaks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuggestCheckTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // 40 rows: an id, a number with two NULLs, a category of three values, a text with a null-like token.
        ws.query("SELECT i AS id, CASE WHEN i % 20 = 0 THEN NULL ELSE i * 1.5 END AS x, "
                + "['a', 'b', 'c'][i % 3 + 1] AS cat, CASE WHEN i = 7 THEN 'NA' ELSE 'note ' || i END AS note "
                + "FROM range(1, 41) r(i)", "t");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    private static List<String> failedRules(CheckResult r) {
        return r.failures().stream().map(o -> o.rule().text()).toList();
    }

    @Test
    void theStatementRunsAsWrittenAndPassesOnItsOwnDataset() {
        Suggestion s = (Suggestion) run("suggest check for t");
        assertEquals("t", s.dataset());
        assertNull(s.holdout());
        CheckResult r = (CheckResult) run(s.statement());
        assertTrue(r.passed(), r.toJson().toString());
        List<String> rules = s.rules().stream().map(x -> x.rule().text()).toList();
        assertEquals("rows >= 36", rules.get(0));
        assertTrue(rules.contains("missing(id) = 0"), rules.toString());
        assertTrue(rules.contains("missing(x) <= 8.5%"), rules.toString()); // 5% missing: 1.5 x 5 + 1
        assertTrue(rules.contains("unexpected(cat, 'a', 'b', 'c') = 0"), rules.toString());
        assertTrue(rules.contains("distinct(cat) <= 4"), rules.toString());
        assertTrue(rules.contains("min(x) >= 0"), rules.toString()); // 1.5 - 5.7 < 0, and nothing is negative
        assertTrue(rules.contains("max(x) <= 64.2"), rules.toString()); // 58.5 + a tenth of 1.5 .. 58.5
        assertTrue(rules.contains("null_like(note) <= 4.8%"), rules.toString()); // 2.5%: 1.5 x 2.5 + 1 = 4.75
        s.rules().forEach(x -> assertFalse(x.reason().isBlank(), x.rule().text()));
        assertEquals(s.rules().size(), ((List<?>) s.toJson().get("rules")).size());
        assertEquals("suggestion", s.toJson().get("kind"));
    }

    @Test
    void aPlantedChangeInOneColumnFailsThatColumnsRulesOnly() {
        Suggestion s = ws.dataset("t").suggestCheck();
        String rules = s.statement().substring("check t: ".length());
        ws.query("SELECT id, x * 100 AS x, cat, note FROM t", "shifted");
        assertOnlyColumnFails(rules, "shifted", "x");
        ws.query("SELECT id, x, CASE WHEN id % 2 = 0 THEN 'zz' ELSE cat END AS cat, note FROM t", "recat");
        assertOnlyColumnFails(rules, "recat", "cat");
    }

    private void assertOnlyColumnFails(String rules, String dataset, String column) {
        CheckResult r = ws.dataset(dataset).evaluate(Parser.parse("check " + dataset + ": " + rules).stream()
                .map(st -> ((CheckStatement) st).rules()).findFirst().orElseThrow());
        assertFalse(r.passed());
        for (RuleOutcome o : r.failures()) {
            assertTrue(o.rule().measure().arguments().contains(column), failedRules(r) + " on " + dataset);
        }
    }

    @Test
    void aHoldoutThatBreaksRulesWidensThemOrDropsThemAndTheFinalStatementPassesOnBoth() {
        // The holdout: more missing x, values above the range, a fourth category in a fifth of the rows.
        ws.query("SELECT id, CASE WHEN id % 5 = 0 THEN NULL ELSE x + 10 END AS x, "
                + "CASE WHEN id % 5 = 1 THEN 'd' ELSE cat END AS cat, note FROM t", "holdout");
        Suggestion s = (Suggestion) run("suggest check for t vs holdout");
        assertEquals("holdout", s.holdout());
        Map<String, String> widened = new HashMap<>();
        s.widened().forEach(w -> widened.put(w.was().text(), w.rule().text()));
        assertEquals("missing(x) <= 31%", widened.get("missing(x) <= 8.5%")); // 20% in the holdout: 1.5 x 20 + 1
        assertEquals("max(x) <= 75.2", widened.get("max(x) <= 64.2")); // 68.5 + a tenth of 1.5 .. 68.5 (6.7)
        List<String> dropped = s.dropped().stream().map(d -> d.rule().text()).toList();
        assertEquals(List.of("unexpected(cat, 'a', 'b', 'c') = 0"), dropped, s.toJson().toString());
        assertTrue(s.dropped().get(0).reason().contains("20% of the holdout's rows hold other values"), s.dropped().toString());
        CheckResult own = (CheckResult) run(s.statement());
        assertTrue(own.passed(), own.toString());
        CheckResult onHoldout = (CheckResult) run(s.statement().replaceFirst("check t:", "check holdout:"));
        assertTrue(onHoldout.passed(), onHoldout.toString());
    }

    @Test
    void aHoldoutWithoutAColumnDropsItsRulesSayingWhy() {
        ws.query("SELECT id, x, note FROM t", "nocat");
        Suggestion s = ws.dataset("t").suggestCheck(ws.dataset("nocat"));
        List<String> dropped = s.dropped().stream().map(d -> d.rule().text()).toList();
        assertTrue(dropped.stream().allMatch(r -> r.contains("(cat")), dropped.toString());
        assertEquals(4, dropped.size(), dropped.toString()); // missing, distinct, unexpected, null_like
        assertTrue(s.dropped().get(0).reason().contains("no column 'cat' in nocat"), s.dropped().toString());
    }

    @Test
    void categoriesANotebookWouldReadAsAParameterGetNoListOfAllowedValues() {
        ws.query("SELECT ['$USD', 'EUR'][i % 2 + 1] AS currency, ['a', 'b'][i % 2 + 1] AS plain FROM range(10) r(i)", "money");
        List<String> rules = ws.dataset("money").suggestCheck().rules().stream().map(r -> r.rule().text()).toList();
        assertTrue(rules.stream().noneMatch(r -> r.startsWith("unexpected(currency")), rules.toString());
        assertTrue(rules.contains("unexpected(plain, 'a', 'b') = 0"), rules.toString());
    }

    @Test
    void aThousandColumnTableGetsItsSuggestionFromOneProfileAndItPassesAsWritten() {
        String columns = IntStream.range(0, 1000).mapToObj(k -> k % 2 == 0 ? "i * " + (k % 5 + 1) + " AS n" + k
                : "['a', 'b'][i % 2 + 1] AS t" + k).collect(Collectors.joining(", "));
        ws.query("SELECT " + columns + " FROM range(12) r(i)", "wide");
        Suggestion s = ws.dataset("wide").suggestCheck();
        // rows; per number column missing, min, max, outliers; per text column missing, distinct, unexpected, null_like
        assertEquals(1 + 1000 * 4, s.rules().size());
        CheckResult r = (CheckResult) run(s.statement());
        assertTrue(r.passed(), r.failures().toString());
        assertEquals(s.rules().size(), r.rules().size());
    }

    @Test
    void columnsWhoseNamesTheLanguageCannotWriteAreSkippedSayingWhy() {
        ws.query("SELECT 1 AS \"two words\", 2 AS ok", "odd");
        Suggestion s = ws.dataset("odd").suggestCheck();
        assertEquals(List.of("two words"), s.skipped().stream().map(SkippedColumn::column).toList());
        assertTrue(((CheckResult) run(s.statement())).passed());
    }
}
