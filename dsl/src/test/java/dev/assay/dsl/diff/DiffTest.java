package dev.assay.dsl.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** diff on small tables whose differences are known by construction. */
class DiffTest {

    @TempDir
    static Path dir;
    private static Workspace ws;

    @BeforeAll
    static void open() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
        ws.sql("SELECT * FROM (VALUES (1, 'a', 1.0), (2, 'b', 2.0), (3, 'c', 3.0), (3, 'c', 3.0), (4, NULL, 'nan'::DOUBLE)) "
                + "t(id, name, score)", "before");
        // id 2 changes name, id 3 loses its duplicate, id 4 is removed, id 5 is added; score becomes BIGINT; tag is new.
        ws.sql("SELECT * FROM (VALUES (1, 'a', 1, 'x'), (2, 'B', 2, 'x'), (3, 'c', 3, 'x'), (5, 'e', 5, 'y')) "
                + "t(id, name, score, tag)", "after");
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    @Test
    void schemaRowsAndColumnsBetweenTwoDatasets() {
        DatasetDiff d = ws.dataset("before").diff(ws.dataset("after"));
        assertEquals(List.of(new Column("tag", "VARCHAR")), d.added());
        assertEquals(List.of(), d.removed());
        assertEquals(List.of(new DatasetDiff.TypeChange("score", "DOUBLE", "INTEGER")), d.retyped());
        assertEquals(List.of("id", "name", "score"), d.compared());
        // score compares by value across its type change: 1.0 is 1.
        assertEquals(3, d.onlyInFrom(), "(2, b), one of the two (3, c) and (4, NULL, NaN)");
        assertEquals(2, d.onlyInTo(), "(2, B) and (5, e)");
        assertEquals(5, d.fromRows());
        assertEquals(4, d.toRows());
        assertNull(d.keyed());
        Map<String, DatasetDiff.ColumnMove> columns = new LinkedHashMap<>();
        d.columns().forEach(c -> columns.put(c.name(), c));
        assertEquals(new DatasetDiff.Summary(4, 1, 3, 2.25), columns.get("score").from(), "NaN is missing");
        assertEquals(new DatasetDiff.Summary(4, 0, 4, 2.75), columns.get("score").to());
        assertEquals(new DatasetDiff.Summary(4, 1, 3, null), columns.get("name").from());
        assertNull(columns.get("tag").from());
        assertFalse(d.identical());
    }

    @Test
    void rowsAreMultisets() {
        ws.sql("SELECT * FROM before WHERE id <> 4", "b2");
        ws.sql("SELECT * FROM before WHERE id <> 4 AND id <> 3 UNION ALL SELECT 3, 'c', 3.0", "b3");
        DatasetDiff d = ws.dataset("b2").diff(ws.dataset("b3"));
        assertEquals(1, d.onlyInFrom(), "one of the two (3, c, 3.0) rows is gone");
        assertEquals(0, d.onlyInTo());
        assertEquals(List.of(List.of(3, "c", 3.0)), d.onlyInFromExamples());
        assertTrue(ws.dataset("b2").diff(ws.dataset("b2")).identical());
    }

    @Test
    void keyedDiffNamesChangedColumnsAndKeys() {
        ws.sql("SELECT DISTINCT * FROM before", "unique_before");
        DatasetDiff d = ws.dataset("unique_before").diff(ws.dataset("after"), "id");
        DatasetDiff.Keyed k = d.keyed();
        assertEquals(3, k.matched());
        assertEquals(1, k.changed(), "only id 2's name: score 1.0 and 1 are one value");
        assertEquals(Map.of("name", 1L, "score", 0L), k.changesPerColumn());
        assertEquals(List.of(new DatasetDiff.Change(List.of(2), "name", "b", "B")), k.examples());
        assertEquals(1, k.added());
        assertEquals(1, k.removed());
        assertEquals(List.of(List.of(5)), k.addedKeys());
        assertEquals(List.of(List.of(4)), k.removedKeys());
    }

    @Test
    void aKeyThatRepeatsIsRefusedWithTheValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("before").diff(ws.dataset("after"), "id"));
        assertEquals("id is not a key of before: [3] occurs in 2 rows; diff on columns whose values name one row each, "
                + "or without 'on' to compare whole rows", e.getMessage());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("before").diff(ws.dataset("after"), "nme"));
        assertEquals("no column 'nme' in before; did you mean 'name'?", unknown.getMessage());
    }

    @Test
    void versionsAreDiffedAfterTheirCheck() {
        ws.dataset("after").pin("t");
        ws.sql("SELECT * REPLACE (CASE WHEN id = 1 THEN 'z' ELSE name END AS name) FROM after", "after2");
        ws.dataset("after2").pin("t");
        DatasetDiff d = ws.diff("t@1", "t", "id");
        assertEquals("t@1", d.from());
        assertEquals("t@2", d.to());
        assertEquals(1, d.keyed().changed());
        assertEquals(List.of(new DatasetDiff.Change(List.of(1), "name", "a", "z")), d.keyed().examples());
        assertTrue(ws.datasets().stream().noneMatch(n -> n.startsWith("__assay")), "scratch tables are dropped");
    }

    /** Issue 20: two empty sides are a diff with nothing in it, not a NullPointerException. */
    @Test
    void twoEmptyDatasetsDiffOnAKey() {
        ws.sql("SELECT * FROM before WHERE false", "empty_a");
        ws.sql("SELECT * FROM before WHERE false", "empty_b");
        DatasetDiff d = ws.dataset("empty_a").diff(ws.dataset("empty_b"), "id");
        assertEquals(0, d.keyed().matched());
        assertEquals(0, d.keyed().changed());
        assertEquals(0L, d.keyed().changesPerColumn().get("name"));
    }
}
