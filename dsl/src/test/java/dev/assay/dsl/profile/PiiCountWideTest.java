package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * check's pii count over every text column of a table wider than DuckDB's expression depth
 * (issue 21): its one unnamed count, named by the text of an OR over every column and kind,
 * broke the Arrow schema import. The count must be the rows planted with personal data.
 */
class PiiCountWideTest {

    @Test
    void countsThePlantedRowsOverEveryTextColumn() {
        try (Workspace ws = Workspace.embedded()) {
            // Planted: an email in the last text column (row 2), a UK phone in a middle one (row 4), both kinds in row 6.
            ws.sql("SELECT * REPLACE (CASE WHEN id IN (2, 6) THEN 'mail ann@example.com' ELSE t549 END AS t549, "
                    + "CASE WHEN id IN (4, 6) THEN 'call 07700 900123 now' ELSE t300 END AS t300) FROM ("
                    + WideTables.query(12, 5) + ")", "wide");
            List<Column> text = ws.engine().schema("wide").stream().filter(c -> c.name().startsWith("t")).toList();
            assertEquals(550, text.size());
            assertEquals(3, PiiCount.rowsWithPii(ws.engine(), "wide", text));
        }
    }
}
