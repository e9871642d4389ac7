package dev.assay.dsl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.profile.PiiCount;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statements of the pii row count ({@code check ... pii}), counted through
 * {@link CountingEngine}: one scan per batch of text columns plus a fixed few, so that the
 * work stays linear in the columns (issue 21; it used to be one statement over every column).
 */
class PiiScanCountTest {

    @TempDir
    Path dir;

    @Test
    void aPiiCountIsOneScanPerBatchOfTextColumns() {
        CountingEngine counting = new CountingEngine(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.parse("1GB")));
        try (Workspace ws = new Workspace(counting.engine(), dir)) {
            ws.sql(textTable("narrow", 1), null);
            ws.sql(textTable("wide", 450), null);
            counting.take();
            PiiCount.rowsWithPii(counting.engine(), "narrow", textColumns(ws, "narrow"));
            int narrow = counting.take();
            PiiCount.rowsWithPii(counting.engine(), "wide", textColumns(ws, "wide"));
            int wide = counting.take();
            // One scan marking the rows of the one text column, the phone candidates (a table, its size: none
            // to read) and the count of rows marked; 450 text columns are three batches of 200, one scan each.
            assertEquals(4, narrow);
            assertEquals(narrow + 2, wide);
        }
    }

    /** An id and {@code columns} short texts over 40 rows. */
    private static String textTable(String name, int columns) {
        StringBuilder sql = new StringBuilder("CREATE TABLE " + name + " AS SELECT range AS id");
        for (int i = 0; i < columns; i++) {
            sql.append(", 'v' || ((range + ").append(i).append(") % 7) AS t").append(i);
        }
        return sql + " FROM range(40)";
    }

    private static List<Column> textColumns(Workspace ws, String relation) {
        return ws.dataset(relation).schema().stream().filter(c -> c.type().equals("VARCHAR")).toList();
    }
}
