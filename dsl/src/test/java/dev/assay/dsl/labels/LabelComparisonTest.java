package dev.assay.dsl.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code labels ... vs OTHER} and the findings: shares side by side in the documented order, the
 * values on one side only, the label's drift equal to what {@code drift} gives, and each finding
 * where its threshold is crossed (counts planted by construction; statistics against pandas in
 * tests/data/test_labels_vs_pandas.py).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LabelComparisonTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // train: a 500, b 300, c 195, rare 5 (0.5%), 20 NULL labels; test: a 100, b 200, new 30, 3 NULL.
        ws.query("SELECT i AS id, i % 7 AS f, CASE WHEN i < 500 THEN 'a' WHEN i < 800 THEN 'b' WHEN i < 995 THEN 'c' "
                + "WHEN i < 1000 THEN 'rare' END AS y FROM range(1020) r(i)", "train");
        ws.query("SELECT i AS id, i % 7 AS f, CASE WHEN i < 100 THEN 'a' WHEN i < 300 THEN 'b' WHEN i < 330 THEN 'new' END AS y "
                + "FROM range(333) r(i)", "test");
        // 11 to 1: an imbalance; 'x' equal to the label: a leak.
        ws.query("SELECT i AS id, CASE WHEN i < 110 THEN 1 ELSE 0 END AS x, i % 3 AS noise, CASE WHEN i < 110 THEN 1 ELSE 0 END AS y "
                + "FROM range(120) r(i)", "skewed");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void sharesSideBySideInOrderWithValuesOfOneSide() {
        LabelComparison vs = ws.dataset("train").labels(LabelsPlan.on("y").vs("test")).vs();
        assertEquals(List.of("a", "b", "c", "rare", "new"), vs.classes().stream().map(LabelComparison.SideBySide::value).toList());
        LabelComparison.SideBySide b = vs.classes().get(1);
        assertEquals(300, b.count());
        assertEquals(300.0 / 1000, b.share(), 1e-15);
        assertEquals(200, b.otherCount());
        assertEquals(200.0 / 330, b.otherShare(), 1e-15);
        assertEquals(0, vs.classes().get(4).count());
        assertEquals(List.of("c", "rare"), vs.onlyHere());
        assertEquals(List.of("new"), vs.onlyThere());
        assertEquals(3, vs.otherClasses().missingLabels());
        assertEquals(333, vs.otherClasses().rows());
    }

    @Test
    void labelDriftIsWhatDriftGivesOnTheLabelColumn() {
        LabelComparison vs = ws.dataset("train").labels(LabelsPlan.on("y").vs("test")).vs();
        var drift = ws.dataset("train").drift(ws.dataset("test"), DriftPlan.on("y")).column("y");
        assertNotNull(vs.drift());
        assertEquals(drift.method(), vs.drift().method());
        assertEquals(drift.statistic(), vs.drift().statistic());
        assertEquals(drift.drifted(), vs.drift().drifted());
        // NULL labels are left out, as drift leaves out missing values.
        assertEquals(1000, vs.drift().referenceValues());
        assertEquals(330, vs.drift().currentValues());
    }

    @Test
    void findingsForMinorityClassAndNewLabelsOrderedByRowsTouched() {
        Labels labels = ws.dataset("train").labels(LabelsPlan.on("y").vs("test"));
        List<String> kinds = labels.findings().stream().map(LabelFinding::kind).toList();
        assertTrue(kinds.contains("minority_class"), kinds.toString());
        assertTrue(kinds.contains("new_labels"), kinds.toString());
        LabelFinding minority = find(labels, "minority_class");
        assertEquals("rare", minority.subject());
        assertEquals(5, minority.rows());
        assertEquals(30, find(labels, "new_labels").rows());
        assertTrue(find(labels, "new_labels").message().contains("new"), find(labels, "new_labels").message());
        // 500 / 5 is also an imbalance, touching all 1,000 labelled rows.
        assertEquals(List.of("imbalance", "new_labels", "minority_class"), kinds.stream().filter(k -> !k.equals("leak")
                && !k.equals("identifier")).toList());
    }

    @Test
    void imbalanceOverTenIsAFinding() {
        Labels labels = ws.dataset("skewed").labels("y");
        LabelFinding imbalance = find(labels, "imbalance");
        assertEquals(120, imbalance.rows());
        assertTrue(imbalance.message().contains("11.0 times"), imbalance.message());
        Labels balanced = ws.dataset("test").labels("y"); // 200 / 30
        assertTrue(balanced.findings().stream().noneMatch(f -> f.kind().equals("imbalance")));
    }

    @Test
    void findingsOfConflictsLeaksAndIdentifiers() {
        LabelClasses classes = new LabelClasses(100, 0, List.of(new LabelClass("a", 60, 0.6), new LabelClass("b", 40, 0.4)));
        LabelConflicts conflicts = new LabelConflicts(List.of("text"), false, null, 3, 7, List.of());
        List<ColumnAssociation> columns = List.of(
                new ColumnAssociation("id", "values", 100, true, 1.0, 0.67, 1.0, null, null),
                new ColumnAssociation("refunded", "values", 2, false, 0.97, 0.65, 0.95, null, null),
                new ColumnAssociation("age", "bins", 8, false, 0.2, 0.05, 0.07, null, null),
                // A free text repeated now and then: 90 distinct in 100 rows, not all distinct.
                new ColumnAssociation("text", "values", 90, false, 1.0, 0.67, 0.99, null, null));
        List<LabelFinding> found = LabelFindings.of("y", classes, conflicts, columns, null);
        assertEquals(List.of("identifier", "leak", "nearly_unique", "conflicts"), found.stream().map(LabelFinding::kind).toList()
                .stream().sorted((x, y) -> x.equals("conflicts") ? 1 : y.equals("conflicts") ? -1 : x.compareTo(y)).toList());
        assertEquals("conflicts", found.get(3).kind());
        assertEquals(7, found.get(3).rows());
        assertEquals("text", found.stream().filter(f -> f.kind().equals("nearly_unique")).findFirst().orElseThrow().subject());
        assertTrue(found.stream().filter(f -> f.kind().equals("identifier")).findFirst().orElseThrow().message()
                .contains("an identifier, not a leak"));
        assertEquals("refunded", found.stream().filter(f -> f.kind().equals("leak")).findFirst().orElseThrow().subject());
    }

    private static LabelFinding find(Labels labels, String kind) {
        return labels.findings().stream().filter(f -> f.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + labels.findings()));
    }
}
