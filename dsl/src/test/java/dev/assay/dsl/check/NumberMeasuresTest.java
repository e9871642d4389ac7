package dev.assay.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code outliers(col)} and {@code skewness(col)} on a column small enough to follow by hand:
 * x is 1 to 9 and 100, and a NULL. Linear quartiles 3.25 and 7.75, so the IQR fences are
 * [-3.5, 14.5] and 100 is the one outlier, 10% of the 10 values present. The skewness is
 * computed here from the textbook formula of G1, not read from Assay.
 */
class NumberMeasuresTest {

    private static final double[] X = {1, 2, 3, 4, 5, 6, 7, 8, 9, 100};

    private Workspace ws;
    private Dataset t;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.sql("""
                CREATE TABLE t AS SELECT * FROM (VALUES (1.0, 'a'), (2.0, 'b'), (3.0, 'c'), (4.0, 'd'), (5.0, 'e'),
                  (6.0, 'f'), (7.0, 'g'), (8.0, 'h'), (9.0, 'i'), (100.0, 'j'), (NULL, 'k')) v(x, txt)""", null);
        ws.sql("CREATE TABLE two AS SELECT * FROM (VALUES (1.0), (2.0), (NULL)) v(x)", null);
        t = ws.dataset("t");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** Adjusted Fisher-Pearson G1: n / ((n - 1)(n - 2)) * sum(((x - mean) / s)^3), s the sample deviation. */
    private static double g1(double[] x) {
        int n = x.length;
        double mean = DoubleStream.of(x).average().orElseThrow();
        double s = Math.sqrt(DoubleStream.of(x).map(v -> (v - mean) * (v - mean)).sum() / (n - 1));
        return (double) n / ((n - 1) * (n - 2)) * DoubleStream.of(x).map(v -> Math.pow((v - mean) / s, 3)).sum();
    }

    @Test
    void outliersCountTheValuesOutsideTheIqrFences() {
        CheckResult r = t.evaluate(Measure.outliers("x").equalTo(1), Measure.outliers("x").percent().equalTo(10));
        assertEquals(List.of(1.0, 10.0), r.rules().stream().map(RuleOutcome::value).toList());
        assertTrue(r.passed(), () -> r.failures().toString());
        CheckResult failed = t.evaluate(Measure.outliers("x").lessThan(1));
        assertFalse(failed.passed(), "one outlier is not fewer than 1");
    }

    @Test
    void skewnessIsTheBiasCorrectedG1() {
        double expected = g1(X);
        CheckResult r = t.evaluate(Measure.skewness("x").greaterThan(2));
        assertEquals(expected, r.rules().get(0).value(), 1e-12 * expected);
        assertTrue(r.passed(), () -> r.failures().toString());
        assertFalse(t.evaluate(Measure.skewness("x").lessThan(1)).passed(), "a long right tail is above 1");
    }

    @Test
    void theLanguageWritesBothMeasures() {
        assertEquals("outliers(x)", Measure.of("outliers", List.of("x")).text());
        assertEquals(new OutlierCount("x", true), Measure.of("outliers", List.of("x")).percent());
        assertEquals(new Skewness("x"), Measure.of("skewness", List.of("x")));
        IllegalArgumentException percent = assertThrows(IllegalArgumentException.class, () -> Measure.skewness("x").percent());
        assertTrue(percent.getMessage().startsWith("skewness cannot be a percentage"), percent.getMessage());
    }

    @Test
    void aColumnOfTextOrTooFewValuesSaysSo() {
        assertEquals("outliers(txt) needs a number column; 'txt' is VARCHAR",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.outliers("txt").lessThan(1))).getMessage());
        assertEquals("skewness(txt) needs a number column; 'txt' is VARCHAR",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.skewness("txt").lessThan(1))).getMessage());
        RuleOutcome two = ws.dataset("two").evaluate(Measure.skewness("x").lessThan(1)).rules().get(0);
        assertNull(two.value());
        assertFalse(two.passed());
        assertEquals("'x' has no skewness (fewer than 3 values, or infinite ones)", two.note());
    }
}
