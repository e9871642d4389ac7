package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code correlation(A, B)} of {@code check} on a table small enough to compute by hand: every
 * expected value below is worked out from the rows in {@link #open()}, not taken from Assay.
 */
class CorrelationMeasureTest {

    private Workspace ws;
    private Dataset t;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        // y = 2x, z = 5 - x; g groups x as {1, 2} and {3, 4}; h as {1, 3} and {2, 4}; k is g renamed.
        ws.sql("""
                CREATE TABLE t AS SELECT * FROM (VALUES
                  (1, 2.0, 4.0, 'a', 'u', 'p', 5, TIMESTAMP '2026-01-01 00:00:00'),
                  (2, 4.0, 3.0, 'a', 'v', 'p', 5, TIMESTAMP '2026-01-02 00:00:00'),
                  (3, 6.0, 2.0, 'b', 'u', 'q', 5, TIMESTAMP '2026-01-03 00:00:00'),
                  (4, 8.0, 1.0, 'b', 'v', 'q', 5, TIMESTAMP '2026-01-04 00:00:00')) v(x, y, z, g, h, k, c, ts)""", null);
        t = ws.dataset("t");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private List<Double> values(CheckResult r) {
        return r.rules().stream().map(RuleOutcome::value).toList();
    }

    @Test
    void eachPairByItsAutoMethod() {
        CheckResult r = t.evaluate(Measure.correlation("x", "y").greaterThan(0.99), Measure.correlation("x", "z").lessThan(-0.99),
                Measure.correlation("g", "k").equalTo(1), Measure.correlation("g", "h").equalTo(0),
                Measure.correlation("x", "g").greaterThan(0.8));
        List<Double> v = values(r);
        assertEquals(1.0, v.get(0), 1e-15, "pearson: y = 2x");
        assertEquals(-1.0, v.get(1), 1e-15, "pearson: z = 5 - x");
        assertEquals(1.0, v.get(2), 1e-15, "cramer: k is g renamed");
        assertEquals(0.0, v.get(3), 1e-15, "cramer: h splits each group of g in half");
        // eta: group means 1.5 and 3.5 around 2.5: SS_between = 4 x 1 = 4, SS_total = 2.25 + 0.25 + 0.25 + 2.25 = 5.
        assertEquals(Math.sqrt(0.8), v.get(4), 1e-15, "eta of x by g");
    }

    @Test
    void aConstantColumnIsUnmeasurableWithTheReason() {
        RuleOutcome o = t.evaluate(Measure.correlation("x", "c").lessThan(0.95)).rules().get(0);
        assertNull(o.value());
        assertFalse(o.passed());
        assertTrue(o.note().startsWith("no correlation of 'x' with 'c': 'c' is constant (every value is 5"), o.note());
    }

    @Test
    void wrongColumnsAreRefusedBeforeAnythingIsRead() {
        assertEquals("no column 'xx' in t; did you mean 'x'?",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.correlation("xx", "y").lessThan(1))).getMessage());
        assertEquals("correlation(x, x) measures two different columns: write correlation(A, B)",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.correlation("x", "x").lessThan(1))).getMessage());
        String time = assertThrows(RuleException.class, () -> t.evaluate(Measure.correlation("x", "ts").lessThan(1))).getMessage();
        assertTrue(time.contains("'ts'") && time.contains("TIMESTAMP"), time);
    }

    @Test
    void theLanguageWritesItAndRefusesWhatItCannotBe() {
        CheckResult r = (CheckResult) new Interpreter(ws).run(Parser.parse("check t: correlation(x, y) > 0.95, "
                + "CORRELATION(g, h) < 0.5").get(0));
        assertEquals(2, r.rules().size());
        assertTrue(r.passed(), () -> r.failures().toString());
        assertEquals("line 1, column 10: correlation measures a pair of columns: write correlation(A, B)",
                error("check t: correlation(x) < 1"));
        assertEquals("line 1, column 30: correlation(x, y) is a correlation (-1 to 1), not a percentage: write "
                + "correlation(x, y) < 0.95", error("check t: correlation(x, y) < 50%"));
    }

    private String error(String cell) {
        return assertThrows(ParseException.class, () -> new Interpreter(ws).run(Parser.parse(cell).get(0))).getMessage();
    }
}
