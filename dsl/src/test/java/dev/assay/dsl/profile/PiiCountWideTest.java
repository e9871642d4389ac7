package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.WideTables;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check's pii count over every text column of a table wider than DuckDB's expression depth
 * (issue 21): its one unnamed count, named by the text of an OR over every column and kind,
 * broke the Arrow schema import; its phone part grouped by every column's candidate at once.
 * The count must be the rows planted with personal data.
 */
class PiiCountWideTest {

    @TempDir
    Path dir;

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

    private static final int COLUMNS = 1_200;
    private static final int ROWS = 30;
    private static final List<String> DECOYS = List.of("order 4521879 of 2023-01-15", "from 14.06.1976");

    /** Row r holds a phone number when r % 5 == 0, in a column that moves with r. */
    private static String phoneAt(int row, int column) {
        return row % 5 == 0 && column == (row * 37) % COLUMNS ? "ring 07911 1234" + String.format("%02d", row) : null;
    }

    /** Row r holds an email when r % 3 == 0, in a column counted from the end (another batch than its phone, for row 0). */
    private static String emailAt(int row, int column) {
        return row % 3 == 0 && column == COLUMNS - 1 - row ? "mail user" + row + "@example.org" : null;
    }

    private static String cell(int row, int column) {
        String planted = phoneAt(row, column) != null ? phoneAt(row, column) : emailAt(row, column);
        if (planted != null) {
            return planted;
        }
        // Candidates the library refuses, in many cells: each distinct value is checked once.
        return column % 97 == row % 97 ? DECOYS.get(row % 2) : "w" + (row * column % 11);
    }

    @Test
    void twelveHundredTextColumnsCountEveryPlantedRowOnce() throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", IntStream.range(0, COLUMNS).mapToObj(c -> "t" + c).toList()));
        for (int r = 0; r < ROWS; r++) {
            int row = r;
            lines.add(String.join(",", IntStream.range(0, COLUMNS).mapToObj(c -> cell(row, c)).toList()));
        }
        Path csv = Files.write(dir.resolve("planted.csv"), lines);
        // Independent of the code under test: the rows the plan above gave an email or a phone number.
        long planted = IntStream.range(0, ROWS).filter(r -> r % 5 == 0 || r % 3 == 0).count();
        PhoneFinder finder = new PhoneFinder(PhoneRegions.defaults());
        IntStream.range(0, ROWS).filter(r -> r % 5 == 0).forEach(r -> assertTrue(finder.holdsPhone(phoneAt(r, (r * 37) % COLUMNS))));
        DECOYS.forEach(d -> assertFalse(finder.holdsPhone(d), d));
        try (Workspace ws = Workspace.embedded()) {
            ws.load(csv.toString(), "planted", Map.of("header", true));
            List<Column> text = ws.engine().schema("planted");
            assertEquals(COLUMNS, text.size());
            assertTrue(ColumnBatches.of(text, PiiCount.BATCH_SIZE).size() > 2, "the columns must span several batches");
            assertEquals(planted, PiiCount.rowsWithPii(ws.engine(), "planted", text));
        }
    }
}
