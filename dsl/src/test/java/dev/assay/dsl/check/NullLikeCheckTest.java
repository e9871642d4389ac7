package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** {@code null_like(col)}: the rows a profile counts as null-like, as a count or a share of the rows. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NullLikeCheckTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // Null-like: 'NA', ' n/a ', '' and '  '; NULL is missing, 'nab' and 'x' are values.
        ws.query("SELECT * FROM (VALUES (1, 'NA'), (2, ' n/a '), (3, ''), (4, '  '), (5, NULL), (6, 'nab'), (7, 'x'),"
                + " (8, 'x')) t(id, s)", "t");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private CheckResult run(String statement) {
        return (CheckResult) new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    @Test
    void countsAndSharesTheRowsThatMeanMissing() {
        CheckResult r = run("check t: null_like(s) = 4, NULL_LIKE(s) = 50%");
        assertTrue(r.passed(), r.toString());
        assertEquals(4.0, r.rules().get(0).value());
        assertEquals(50.0, r.rules().get(1).value());
    }

    @Test
    void agreesWithTheProfile() {
        long profiled = ws.dataset("t").profile().columns().get(1).texts().nullLike();
        assertEquals((double) profiled, ws.dataset("t").evaluate(Measure.nullLike("s").equalTo(0)).rules().get(0).value());
    }

    @Test
    void aNumberColumnOrAWrongCountOfColumnsIsRefusedSayingWhatItTakes() {
        assertEquals("null_like(id) needs a text column; 'id' is INTEGER",
                assertThrows(RuleException.class, () -> ws.dataset("t").evaluate(Measure.nullLike("id").equalTo(0))).getMessage());
        assertEquals("null_like measures one column: write null_like(COLUMN)",
                assertThrows(IllegalArgumentException.class, () -> Measure.of("null_like", List.of())).getMessage());
        RuleException unknown = assertThrows(RuleException.class, () -> ws.dataset("t").evaluate(Measure.nullLike("ss").equalTo(0)));
        assertEquals("no column 'ss' in t; did you mean 's'?", unknown.getMessage());
    }
}
