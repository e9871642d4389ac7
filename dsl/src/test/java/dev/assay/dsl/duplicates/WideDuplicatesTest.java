package dev.assay.dsl.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exact duplicates, dedup and leakage over the whole row of a 1,100-column table and over
 * many named columns (issue 21). Expected counts are the rows planted: copies of known rows,
 * and a near copy that differs only in the last column, which must not count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WideDuplicatesTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.sql(WideTables.query(12, 4), "base");
        // Rows 3 and 5 twice more, row 7 once more; row 8 again but with another last text value.
        ws.sql("SELECT * FROM base UNION ALL SELECT * FROM base WHERE id IN (3, 5) UNION ALL SELECT * FROM base WHERE id IN (3, 5, 7) "
                + "UNION ALL SELECT * REPLACE ('different' AS t549) FROM base WHERE id = 8", "wide");
        // Rows 2 and 7 of base, and two rows of another table.
        ws.sql("SELECT * FROM base WHERE id IN (2, 7) UNION ALL SELECT * FROM (" + WideTables.query(2, 7) + ") WHERE id < 2 "
                + "UNION ALL SELECT * REPLACE ('other' AS t0) FROM base WHERE id = 4", "test_part");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void wholeRowDuplicatesAreThePlantedCopies() {
        Duplicates d = ws.dataset("wide").duplicates();
        assertEquals(18, d.rows());
        assertEquals(5, d.duplicateRows());
        assertEquals(3, d.groups());
        assertEquals(List.of(3L, 5L, 7L), d.largest().stream().map(g -> ((Number) g.values().get("id")).longValue()).sorted()
                .toList());
    }

    @Test
    void dedupKeepsOneRowOfEachGroup() {
        Deduplicated d = ws.dataset("wide").dedup("wide_dedup");
        assertEquals(13, d.rows());
        // One row per id, and row 8 twice (its copy differs in the last column).
        assertEquals(List.of(List.of(12L, 13L)), ws.engine().smallResult("SELECT count(DISTINCT id), count(*) FROM wide_dedup")
                .stream().map(r -> r.stream().map(v -> ((Number) v).longValue()).toList()).toList());
    }

    @Test
    void namedColumnsIgnoreTheOthers() {
        List<String> on = new ArrayList<>(List.of("id"));
        for (int c = 0; c < 549; c++) {
            on.add("t" + c); // every text column but the last: row 8's copy now counts too
        }
        Duplicates d = ws.dataset("wide").duplicates(new Match(on, false, null));
        assertEquals(18, d.rows());
        assertEquals(6, d.duplicateRows());
        assertEquals(4, d.groups());
    }

    @Test
    void leakageCountsTheSharedRows() {
        Leakage l = ws.dataset("wide").leakage(ws.dataset("test_part"));
        assertEquals(2, l.exactOverlapRows());
        assertEquals(2, l.sharedKeys());
        assertEquals(1 + 2, l.leftOverlapRows()); // row 2 once and row 7 twice in wide
    }
}
