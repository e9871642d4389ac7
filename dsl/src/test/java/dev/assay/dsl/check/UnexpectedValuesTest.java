package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code unexpected(col, 'a', ...)}: rows whose value is present and not listed, as a count or a share of the rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnexpectedValuesTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // Listed below: 'a' and 'it''s'; not listed: 'b' twice, 'A' (case counts), '' (a value); NULL is not counted.
        ws.query("SELECT * FROM (VALUES (1, 'a'), (2, 'a'), (3, 'b'), (4, 'b'), (5, 'A'), (6, ''), (7, NULL), "
                + "(8, 'it''s')) t(id, s)", "t");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private CheckResult run(String statement) {
        return (CheckResult) new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    @Test
    void countsThePresentValuesOutsideTheListAsACountAndAShareOfTheRows() {
        CheckResult r = run("check t: unexpected(s, 'a', 'it\\'s') = 4, UNEXPECTED(s, 'a', 'it\\'s') = 50%");
        assertTrue(r.passed(), r.toJson().toString());
        assertEquals(4.0, r.rules().get(0).value());
        assertEquals(50.0, r.rules().get(1).value());
        assertEquals("unexpected(s, 'a', 'it\\'s') = 4", r.rules().get(0).rule().text(), "written back as parsed");
    }

    @Test
    void theJavaApiMeasuresTheSame() {
        CheckResult r = ws.dataset("t").evaluate(Measure.unexpected("s", "a", "b", "A", "", "it's").equalTo(0));
        assertTrue(r.passed(), r.toJson().toString());
        assertEquals(Measure.unexpected("s", "x").equalTo(7), run("check t: unexpected(s, 'x') = 7").rules().get(0).rule());
    }

    @Test
    void aNumberColumnAMissingListOrANameInTheListIsRefusedSayingWhatItTakes() {
        assertEquals("unexpected(id, '1') needs a text column; 'id' is INTEGER", assertThrows(RuleException.class,
                () -> ws.dataset("t").evaluate(Measure.unexpected("id", "1").equalTo(0))).getMessage());
        assertEquals("line 1, column 10: unexpected measures a column against the values allowed: write unexpected(COLUMN, 'a', 'b')",
                assertThrows(ParseException.class, () -> Parser.parse("check t: unexpected(s) = 0")).getMessage());
        assertEquals("line 1, column 10: unexpected lists the allowed values in quotes after the column: "
                + "write unexpected(COLUMN, 'a', 'b'), not b",
                assertThrows(ParseException.class, () -> Parser.parse("check t: unexpected(s, 'a', b) = 0")).getMessage());
        assertEquals("line 1, column 18: expected a column or dataset name, found the string 's'",
                assertThrows(ParseException.class, () -> Parser.parse("check t: missing('s') = 0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Measure.of("unexpected", List.of("s")));
    }
}
