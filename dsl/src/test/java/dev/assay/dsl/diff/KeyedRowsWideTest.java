package dev.assay.dsl.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The keyed row comparison over more columns than DuckDB's expression depth (issue 21): an OR
 * of every column's change used to fail; the counts must be exactly the changes planted.
 */
class KeyedRowsWideTest {

    @Test
    void countsThePlantedChangesOfAWideTable() {
        try (Workspace ws = Workspace.embedded()) {
            ws.sql(WideTables.query(20, 3), "a");
            // Planted: row 3 changes n7, row 5 changes t100 and loses n500, row 9 changes the last text column.
            ws.sql("SELECT * REPLACE (CASE WHEN id = 3 THEN coalesce(n7, 0) + 100 ELSE n7 END AS n7, "
                    + "CASE WHEN id = 5 THEN 'changed' ELSE t100 END AS t100, CASE WHEN id = 5 THEN NULL ELSE n500 END AS n500, "
                    + "CASE WHEN id = 9 THEN 'other' ELSE t548 END AS t548) FROM a", "b");
            // n500 of row 5 must have had a value for the change to count.
            assertEquals(1L, ((Number) ws.engine().smallResult("SELECT count(n500) FROM a WHERE id = 5").get(0).get(0)).longValue());
            List<String> common = ws.dataset("a").schema().stream().map(c -> c.name()).toList();
            DatasetDiff.Keyed keyed = new KeyedRows(ws.engine()).compare("a", "a", "b", "b", List.of("id"), common, List.of());
            assertEquals(20, keyed.matched());
            assertEquals(3, keyed.changed());
            Map<String, Long> nonZero = keyed.changesPerColumn().entrySet().stream().filter(e -> e.getValue() != 0)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertEquals(Map.of("n7", 1L, "t100", 1L, "n500", 1L, "t548", 1L), nonZero);
            assertEquals(WideTables.COLUMNS - 1, keyed.changesPerColumn().size());
            assertEquals(List.of("3 n7", "5 n500", "5 t100", "9 t548"), keyed.examples().stream()
                    .map(c -> c.key().get(0) + " " + c.column()).toList());
            assertEquals("changed", keyed.examples().get(2).to());
        }
    }
}
