package dev.assay.dsl.labels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Edge cases of the associations, on tables whose figures follow from the definitions by hand. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssociationScanTest {

    private static final double EPS = 1e-12;

    private Workspace ws;
    private Map<String, ColumnAssociation> t;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // 80 labelled rows: label a for i < 40, b above; 5 rows with a NULL label that nothing may count.
        ws.query("SELECT CASE WHEN i >= 80 THEN NULL WHEN i < 40 THEN 'a' ELSE 'b' END AS y, "
                + "CASE WHEN i >= 80 THEN 'z' WHEN i < 30 OR i >= 70 THEN 'p' ELSE 'q' END AS split,"
                + "CASE WHEN i < 40 THEN 'a' ELSE 'b' END AS copy, i AS id, 'k' AS constant, NULL::INTEGER AS nothing, "
                + "CASE WHEN i < 40 THEN NULL ELSE i % 3 END AS missing_in_a, "
                + "CASE WHEN i < 40 THEN 'NaN'::DOUBLE ELSE i % 3 END AS nan_in_a, "
                + "CASE WHEN i < 40 THEN i % 2 = 0 END AS only_a, "
                + "DATE '2026-01-01' + CAST(i AS INTEGER) AS day "
                + "FROM range(85) r(i)", "t");
        List<Column> schema = ws.engine().schema("t");
        Column label = schema.get(0);
        LabelClasses classes = new ClassCounter(ws.engine()).count("t", label);
        t = new AssociationScan(ws.engine()).measure("t", label, schema.subList(1, schema.size()), classes).stream()
                .collect(Collectors.toMap(ColumnAssociation::name, Function.identity()));
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void aTwoByTwoTableAsTheDefinitionsSay() {
        // [[30, 10], [10, 30]]: chi2 = 80 (2000/1600 - 1) = 20, V = sqrt(20/80); MI from the four cells; H = ln 2.
        ColumnAssociation a = t.get("split");
        double mi = 0.75 * Math.log(1.5) + 0.25 * Math.log(0.5);
        assertEquals(0.5, a.cramersV(), EPS);
        assertEquals(mi, a.mutualInformation(), EPS);
        assertEquals(mi / Math.log(2), a.normalizedMi(), EPS);
        assertEquals("values", a.over());
        assertEquals(2, a.distinct(), "the NULL-label rows' value 'z' is not counted");
        assertNull(a.missingCramersV(), "never NULL");
    }

    @Test
    void aCopyOfTheLabelTellsItAll() {
        ColumnAssociation a = t.get("copy");
        assertEquals(1.0, a.cramersV(), EPS);
        assertEquals(Math.log(2), a.mutualInformation(), EPS);
        assertEquals(1.0, a.normalizedMi(), EPS);
    }

    @Test
    void anAllDistinctNumberIsAnIdentifierComparedOverBins() {
        ColumnAssociation a = t.get("id");
        assertTrue(a.identifier());
        assertEquals(80, a.distinct());
        assertEquals("bins", a.over());
        assertNotNull(a.cramersV());
    }

    @Test
    void aConstantTellsNothing() {
        ColumnAssociation a = t.get("constant");
        assertNull(a.cramersV(), "min(r, c) = 1: scipy divides by zero");
        assertEquals(0.0, a.mutualInformation());
        assertEquals(0.0, a.normalizedMi());
        assertFalse(a.identifier());
        assertNotNull(a.note());
    }

    @Test
    void aColumnOfOnlyNullsHasNoMeasure() {
        ColumnAssociation a = t.get("nothing");
        assertNull(a.cramersV());
        assertNull(a.mutualInformation());
        assertNull(a.normalizedMi());
        assertNull(a.missingCramersV(), "always NULL");
        assertEquals(0, a.distinct());
        assertNotNull(a.note());
    }

    @Test
    void missingnessThatFollowsTheLabelIsFound() {
        assertEquals(1.0, t.get("missing_in_a").missingCramersV(), EPS);
        ColumnAssociation nan = t.get("nan_in_a");
        assertEquals(1.0, nan.missingCramersV(), EPS, "NaN is missing");
        assertEquals(3, nan.distinct());
        assertNull(nan.cramersV(), "its values are all in rows of one label");
        assertEquals(0.0, nan.mutualInformation());
        assertNull(nan.normalizedMi(), "the label's entropy over its rows is 0");
    }

    @Test
    void datesAreBinnedAsTimes() {
        ColumnAssociation a = t.get("day");
        assertEquals("bins", a.over());
        assertTrue(a.identifier());
    }

    @Test
    void oneValueTypeAtATimeInBatchesOfBoundedSize() {
        List<Column> columns = List.of(new Column("a", "DOUBLE"), new Column("b", "VARCHAR"), new Column("c", "BIGINT"),
                new Column("d", "BOOLEAN"));
        List<ContingencyBatch.Plan> plans = AssociationScan.batches(columns, AssociationScan.VALUES_PER_BATCH);
        assertEquals(List.of(List.of("a"), List.of("c"), List.of("b"), List.of("d")),
                plans.stream().map(p -> p.columns().stream().map(Column::name).toList()).toList());
        assertEquals(3, AssociationScan.batches(columns, 1).size());
    }
}
