package dev.assay.dsl.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.workspace.Workspace;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The pii row count over batches of columns (issue 21): each batch is its own scan, and a row
 * still counts once whatever it holds in however many batches.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PiiCountBatchesTest {

    private Workspace ws;
    private List<Column> columns;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // Batches of two columns: (a, b) and (c, d).
        ws.query("""
                SELECT * FROM (VALUES
                  (0, 'call 020 7946 0018', 'x', 'mail ann@example.org', 'x'),
                  (1, 'ann@example.org', 'x', 'x', 'bob@example.com'),
                  (2, 'ring 07911 123456', 'x', 'x', 'ring 07911 123456'),
                  (3, 'order 4521879 of 2023-01-15', 'from 14.06.1976', 'x', 'x'),
                  (4, NULL, NULL, NULL, NULL),
                  (5, 'x', 'card 4111 1111 1111 1111', 'x', 'x'),
                  (6, 'x', 'x', 'x', '+44 20 7946 0018'),
                  (7, 'host 192.168.1.20', 'call 020 7946 0018', 'mail cy@example.net', '+33 1 42 68 53 00'),
                  (8, 'x', 'x', 'x', 'x')
                ) t(id, a, b, c, d)""", "mixed");
        columns = ws.engine().schema("mixed").stream().filter(c -> !c.name().equals("id")).toList();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private long rows(String relation, int batchSize) {
        return PiiCount.rowsWithPii(ws.engine(), relation, columns, PhoneRegions.defaults(), batchSize);
    }

    @Test
    void aRowWithAPhoneInOneBatchAndAnEmailInAnotherCountsOnce() {
        // Rows 0 (phone | email), 1 (email | email), 2 (phone | same phone), 5 (card), 6 (phone), 7 (every kind, both batches).
        assertEquals(6, rows("mixed", 2));
        assertEquals(6, rows("mixed", 1));
        assertEquals(6, rows("mixed", 4));
    }

    @Test
    void theDecoysHoldNoPhoneNumber() {
        // The premise of the counts above: the order number and the date pass the SQL pre-filter but are no phones.
        PhoneFinder finder = new PhoneFinder(PhoneRegions.defaults());
        assertFalse(finder.holdsPhone("order 4521879 of 2023-01-15"));
        assertFalse(finder.holdsPhone("from 14.06.1976"));
        assertTrue(finder.holdsPhone("ring 07911 123456"));
    }

    @Test
    void aViewIsCountedAsItsRows() {
        ws.sql("CREATE OR REPLACE VIEW mixed_view AS SELECT * FROM mixed WHERE id <> 1", null);
        assertEquals(5, rows("mixed_view", 2));
    }

    @Test
    void candidatesReadInChunksConfirmThePhonesOfRowsSqlDidNotCount() {
        PhoneFinder finder = new PhoneFinder(PhoneRegions.defaults());
        try (OrderedSource source = OrderedSource.of(ws.engine(), "mixed", columns);
             PiiRowMarks marks = PiiRowMarks.of(ws.engine(), source, columns, 2);
             ConfirmedPhones byOne = ConfirmedPhones.of(ws.engine(), marks, finder, 1);
             ConfirmedPhones atOnce = ConfirmedPhones.of(ws.engine(), marks, finder)) {
            // Rows 2 and 6 hold phones and nothing SQL counts; rows 0 and 7 hold emails too, row 3 only decoys.
            Set<String> expected = Set.of("ring 07911 123456", "+44 20 7946 0018");
            assertEquals(expected, values(byOne));
            assertEquals(expected, values(atOnce));
        }
    }

    private Set<Object> values(ConfirmedPhones phones) {
        return ws.engine().smallResult(phones.values().orElseThrow()).stream().map(row -> row.get(0)).collect(Collectors.toSet());
    }

    @Test
    void noScratchTableIsLeftBehind() {
        ws.sql("CREATE OR REPLACE VIEW every_row AS SELECT * FROM mixed", null);
        assertEquals(6, rows("every_row", 2));
        assertEquals(6, rows("mixed", 3));
        assertEquals(0L, ((Number) ws.engine().smallResult("SELECT count(*) FROM duckdb_tables() WHERE starts_with(table_name, "
                + ws.engine().quoteLiteral(SqlEngine.WORK_PREFIX) + ")").get(0).get(0)).longValue());
    }

    @Test
    void aColumnNamedRowidDoesNotMergeRows() {
        // DuckDB's rowid is hidden by a column of that name: the rows must still count apart.
        ws.query("SELECT * FROM (VALUES ('a', 'ann@example.org'), ('a', 'bob@example.com'), ('a', 'x')) t(RowId, b)", "named_rowid");
        List<Column> text = ws.engine().schema("named_rowid");
        assertEquals(2, PiiCount.rowsWithPii(ws.engine(), "named_rowid", text, PhoneRegions.defaults(), 1));
        assertEquals(2, PiiCount.rowsWithPii(ws.engine(), "named_rowid", text.subList(1, 2)));
    }
}
