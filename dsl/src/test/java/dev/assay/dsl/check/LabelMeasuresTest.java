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
 * The label measures of {@code check} on tables small enough to count by hand: every expected
 * value below is read off the rows in {@link #open()}, not taken from Assay's output.
 */
class LabelMeasuresTest {

    private Workspace ws;
    private Dataset t;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        // y: ham 3, spam 1, one NULL label.
        ws.sql("""
                CREATE TABLE t AS SELECT * FROM (VALUES
                  (1, 'a', 'spam'), (2, 'a', 'ham'), (3, 'b', 'ham'), (4, 'c', 'ham'), (5, 'd', NULL)) v(id, txt, y)""",
                null);
        // u.y: ham, eggs, bacon (two values t has not), NULL (no label).
        ws.sql("CREATE TABLE u AS SELECT * FROM (VALUES (1, 'ham'), (2, 'eggs'), (3, 'bacon'), (4, NULL)) v(id, y)", null);
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
    void classMeasuresAreTheLabelsCounts() {
        CheckResult r = t.evaluate(Measure.imbalance("y").equalTo(3), Measure.minority("y").equalTo(0.25),
                Measure.minority("y").percent().equalTo(25), Measure.newLabels("y", "u").equalTo(2));
        assertEquals(List.of(3.0, 0.25, 25.0, 2.0), values(r), "ham 3 / spam 1; spam is 1 of 4 labelled rows");
        assertTrue(r.passed(), () -> r.failures().toString());
        assertEquals(1.0, ws.dataset("u").evaluate(Measure.newLabels("y", "t").atLeast(0)).rules().get(0).value(),
                "the other way round: spam is in t and not in u");
    }

    @Test
    void newLabelsCompareValuesAcrossNumberTypes() {
        ws.sql("CREATE TABLE a AS SELECT * FROM (VALUES (1::INTEGER), (2::INTEGER)) v(y)", null);
        ws.sql("CREATE TABLE b AS SELECT * FROM (VALUES (1.0::DOUBLE), (3.0::DOUBLE), (3.0::DOUBLE)) v(y)", null);
        assertEquals(1.0, ws.dataset("a").evaluate(Measure.newLabels("y", "b").equalTo(1)).rules().get(0).value(),
                "1.0 is the label 1; 3.0 is new");
    }

    @Test
    void aSingleClassIsMeasuredAndNoLabelsAreNot() {
        ws.sql("CREATE TABLE one AS SELECT * FROM (VALUES (1, 'x'), (2, 'x'), (3, NULL)) v(id, y)", null);
        CheckResult r = ws.dataset("one").evaluate(Measure.imbalance("y").equalTo(1), Measure.minority("y").equalTo(1));
        assertEquals(List.of(1.0, 1.0), values(r));
        ws.sql("CREATE TABLE none AS SELECT id, NULL::VARCHAR AS y FROM range(3) r(id)", null);
        CheckResult empty = ws.dataset("none").evaluate(Measure.imbalance("y").lessThan(10), Measure.minority("y").percent()
                .greaterThan(1), Measure.conflicts("y").percent().lessThan(1));
        for (RuleOutcome o : empty.rules()) {
            assertNull(o.value(), o.rule().text());
            assertFalse(o.passed());
            assertEquals("none has no labelled rows ('y' is NULL in every row)", o.note());
        }
    }

    @Test
    void wrongColumnsAndDatasetsAreRefusedBeforeAnythingIsRead() {
        assertEquals("no column 'yy' in t; did you mean 'y'?",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.imbalance("yy").lessThan(10))).getMessage());
        assertEquals("no column 'ids' in t; did you mean 'id'?",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.association("ids", "y").lessThan(1))).getMessage());
        assertEquals("association(y, y) measures another column against the label 'y': write association(COLUMN, y)",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.association("y", "y").lessThan(1))).getMessage());
        assertEquals("no dataset 'uu'; did you mean 'u'?",
                assertThrows(RuleException.class, () -> t.evaluate(Measure.newLabels("y", "uu").equalTo(0))).getMessage()
                        .replaceAll(" \\(.*", ""));
        assertTrue(assertThrows(RuleException.class, () -> t.evaluate(Measure.newLabels("txt", "u").equalTo(0)))
                .getMessage().startsWith("no column 'txt' in u"));
        ws.sql("CREATE TABLE lone AS SELECT 'x' AS y", null);
        assertEquals("lone has no column but the label 'y'", assertThrows(RuleException.class,
                () -> ws.dataset("lone").evaluate(Measure.conflicts("y").equalTo(0))).getMessage());
    }

    @Test
    void theLanguageWritesThemAndRefusesWhatTheyCannotBe() {
        CheckResult r = (CheckResult) new Interpreter(ws).run(Parser.parse(
                "check t: imbalance(y) <= 3, minority(y) >= 25%, MINORITY(y) > 0.2, new_labels(y, u) = 2").get(0));
        assertEquals(List.of(3.0, 25.0, 0.25, 2.0), values(r));
        assertEquals("minority(y) >= 25%", r.rules().get(1).rule().text());
        assertEquals("line 1, column 10: imbalance measures a label column: write imbalance(LABEL)", error("check t: imbalance = 1"));
        assertEquals("line 1, column 10: association measures a column against the label: write association(COLUMN, LABEL)",
                error("check t: association(y) < 1"));
        assertEquals("line 1, column 10: new_labels compares the label with another dataset's: write new_labels(LABEL, OTHER)",
                error("check t: new_labels(y) = 0"));
        assertEquals("line 1, column 10: conflicts measures a label column: write conflicts(LABEL)",
                error("check t: conflicts(y, txt) = 0"));
        assertEquals("line 1, column 25: imbalance(y) is a ratio (largest class / smallest), not a percentage: write "
                + "imbalance(y) < 10", error("check t: imbalance(y) < 5%"));
        assertEquals("line 1, column 32: association(txt, y) is a normalized mutual information (0 to 1), not a percentage: "
                + "write association(txt, y) < 0.9", error("check t: association(txt, y) < 50%"));
        assertEquals("line 1, column 29: new_labels(y, u) counts label values, not rows: write new_labels(y, u) = 0",
                error("check t: new_labels(y, u) = 0%"));
        assertEquals("line 1, column 10: no column 'lbl' in t", error("check t: minority(lbl) > 0").replaceAll(";.*", ""));
    }

    private String error(String cell) {
        return assertThrows(ParseException.class, () -> new Interpreter(ws).run(Parser.parse(cell).get(0))).getMessage();
    }
}
