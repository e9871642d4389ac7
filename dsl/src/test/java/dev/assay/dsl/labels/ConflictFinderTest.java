package dev.assay.dsl.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Conflicting labels on small tables whose groups are known by construction. The comparison
 * with pandas on real data is tests/data/test_label_conflicts_vs_pandas.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConflictFinderTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // Groups by (a, b): (1,'x') labels p,q,q (conflict, majority q); (2,'y') p,p (none);
        // (NULL,NULL) q,p (conflict, a tie: majority p); (3,'z') q with a NULL label (left out).
        ws.query("SELECT * FROM (VALUES (1, 'x', 'p'), (2, 'y', 'p'), (1, 'x', 'q'), (NULL, NULL, 'q'), (2, 'y', 'p'), "
                + "(1, 'x', 'q'), (NULL, NULL, 'p'), (3, 'z', 'q'), (3, 'z', NULL)) t(a, b, label)", "planted");
        ws.query("SELECT * FROM (VALUES (1, 'a'), (2, 'b'), (1, 'a'), (3, 'b')) t(f, label)", "agreeing");
        ws.query("SELECT CAST(NULL AS VARCHAR) AS f, CASE WHEN i % 3 = 0 THEN 'b' ELSE 'a' END AS label FROM range(12) r(i)",
                "nullfeatures");
        ws.query("SELECT * FROM (VALUES ('Free prize, call now!', 'spam'), ('free prize call now', 'ham'), "
                + "('see you at lunch', 'ham'), ('Free prize!! call now', 'spam'), ('see you at lunch.', 'ham'), "
                + "('Free prizes, call now', 'ham'), ('unrelated words here', 'spam')) t(text, label)", "texts");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Object run(String statements) {
        Object last = null;
        for (var s : Parser.parse(statements)) {
            last = new Interpreter(ws).run(s);
        }
        return last;
    }

    private LabelConflicts conflicts(String statement) {
        return ((Labels) run(statement)).conflicts();
    }

    @Test
    void plantedGroupsWithCountsMajorityAndExamples() {
        LabelConflicts c = conflicts("labels planted on label");
        assertEquals(List.of("a", "b"), c.by());
        assertEquals(2, c.groups());
        assertEquals(5, c.rows());
        LabelConflicts.ConflictGroup first = c.largest().get(0);
        assertEquals(1, first.group());
        assertEquals(3, first.rows());
        assertEquals("q", first.majorityLabel());
        assertEquals(List.of(new LabelClass("q", 2, 2 / 3.0), new LabelClass("p", 1, 1 / 3.0)), first.labels());
        assertEquals(1, first.features().get("a"));
        assertEquals("x", first.features().get("b"));
        assertEquals(List.of(new LabelConflicts.Example(0, "p", null), new LabelConflicts.Example(2, "q", null),
                new LabelConflicts.Example(5, "q", null)), first.examples());
        LabelConflicts.ConflictGroup nulls = c.largest().get(1);
        assertEquals(2, nulls.rows());
        assertEquals("p", nulls.majorityLabel(), "a tie goes to the smallest label");
        assertTrue(nulls.features().containsKey("a") && nulls.features().get("a") == null, "NULL features are one group");
    }

    @Test
    void noConflictsWhenEqualFeaturesAgree() {
        LabelConflicts c = conflicts("labels agreeing on label");
        assertEquals(0, c.groups());
        assertEquals(0, c.rows());
        assertEquals(List.of(), c.largest());
        run("none = conflicts agreeing on label");
        assertEquals(0L, ws.dataset("none").count());
    }

    @Test
    void allNullFeaturesAreOneBigGroup() {
        LabelConflicts c = conflicts("labels nullfeatures on label");
        assertEquals(1, c.groups());
        assertEquals(12, c.rows());
        assertEquals("a", c.largest().get(0).majorityLabel());
        assertEquals(ConflictFinder.EXAMPLES, c.largest().get(0).examples().size());
    }

    @Test
    void normalizedAndNearTexts() {
        assertEquals(0, conflicts("labels texts on label by text").groups());
        LabelConflicts normalized = conflicts("labels texts on label by text normalize");
        assertEquals(1, normalized.groups());
        assertEquals(3, normalized.rows());
        assertEquals("spam", normalized.largest().get(0).majorityLabel());

        LabelConflicts near = conflicts("labels texts on label by text near 0.5");
        assertEquals(List.of("text"), near.by());
        assertEquals(1, near.groups(), "the lunch texts agree; the prize texts, with the near 'prizes' one, do not");
        assertEquals(4, near.rows());
        LabelConflicts.ConflictGroup g = near.largest().get(0);
        assertEquals("Free prize, call now!", g.features().get("text"));
        assertEquals(List.of(0L, 1L, 3L, 5L), g.examples().stream().map(LabelConflicts.Example::row).toList());
        assertEquals("Free prizes, call now", g.examples().get(3).text());
        assertEquals("ham", g.majorityLabel(), "two ham, two spam: the smaller value");
    }

    @Test
    void conflictsDatasetHoldsEveryRowInSourceOrder() {
        run("c = conflicts planted on label by a, b");
        List<List<Object>> expected = List.of(List.of(1, "x", "p", 1L, "q"), List.of(1, "x", "q", 1L, "q"),
                Arrays.asList(null, null, "q", 2L, "p"), List.of(1, "x", "q", 1L, "q"),
                Arrays.asList(null, null, "p", 2L, "p"));
        assertEquals(expected, ws.engine().smallResult("SELECT a, b, label, conflict_group, majority_label FROM c"));
    }

    @Test
    void aThousandColumnsOfFeatures() {
        // Row i's 999 features all follow i % 5: five groups of four rows, labels a, a, b, b in each.
        StringBuilder select = new StringBuilder("SELECT ");
        for (int j = 0; j < 999; j++) {
            select.append(j % 2 == 0 ? "(i + " + j + ") % 5" : "'v' || ((i + " + j + ") % 5)").append(" AS c").append(j).append(", ");
        }
        ws.query(select + "CASE WHEN i < 10 THEN 'a' ELSE 'b' END AS label FROM range(20) r(i)", "wide");
        LabelConflicts c = conflicts("labels wide on label");
        assertEquals(999, c.by().size());
        assertEquals(5, c.groups());
        assertEquals(20, c.rows());
        assertEquals(LabelConflicts.FEATURES_SHOWN, c.largest().get(0).features().size());
        assertEquals("a", c.largest().get(0).majorityLabel());
        run("wide_conflicts = conflicts wide on label");
        assertEquals(20L, ws.dataset("wide_conflicts").count());
        assertEquals(1002, ws.dataset("wide_conflicts").schema().size(), "every column, conflict_group and majority_label");
    }

    @Test
    void refusalsLeaveDatasetsAsTheyWere() {
        Exception vs = assertThrows(RuntimeException.class, () -> run("x = conflicts planted on label vs agreeing"));
        assertTrue(vs.getMessage().contains("conflicts takes no 'vs agreeing'"), vs.getMessage());
        Exception byLabel = assertThrows(RuntimeException.class, () -> run("x = conflicts planted on label by a, label"));
        assertTrue(byLabel.getMessage().contains("'by' names the label column 'label'"), byLabel.getMessage());
        run("marked = conflicts planted on label");
        Exception clash = assertThrows(RuntimeException.class, () -> run("again = conflicts marked on label by a"));
        assertTrue(clash.getMessage().contains("already has a column 'conflict_group'"), clash.getMessage());
        assertFalse(ws.datasets().contains("x") || ws.datasets().contains("again"));
    }
}
