package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.TablePreview;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** SQL through a real embedded DuckDB, rows read through the Arrow C stream. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceTest {

    private static final Path IRIS = SharedData.file("iris.csv");

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void aQueryIsBoundPreviewedAndCountedWithTypes() {
        TablePreview p = ws.sql("SELECT * FROM read_csv(" + ws.engine().quoteLiteral(IRIS.toString()) + ")", "iris")
                .orElseThrow();
        assertEquals("iris", p.name());
        assertEquals(150, p.totalRows(), "iris.csv has 150 rows");
        assertEquals(Workspace.PREVIEW_ROWS, p.rows().size());
        assertEquals(new Column("species", "VARCHAR"), p.columns().get(4));
        assertEquals("setosa", p.rows().get(0).get(4));
        assertEquals(5.1, ((Number) p.rows().get(0).get(0)).doubleValue());
        assertTrue(ws.datasets().contains("iris"));
        assertEquals(150, ws.engine().preview("iris", 0).totalRows());
    }

    @Test
    void valuesArriveAsPlainJavaTypesAndNullsAsNull() {
        TablePreview p = ws.sql("SELECT 1::BIGINT AS i, 2.50::DECIMAL(5,2) AS d, 'x' AS s, NULL AS n, "
                + "DATE '2024-02-29' AS day, TRUE AS b", null).orElseThrow();
        List<Object> row = p.rows().get(0);
        assertEquals(1L, row.get(0));
        assertEquals(new BigDecimal("2.50"), row.get(1));
        assertEquals("x", row.get(2));
        assertNull(row.get(3));
        assertEquals(LocalDate.of(2024, 2, 29), row.get(4));
        assertEquals(true, row.get(5));
        assertEquals(Workspace.LAST_RESULT, p.name(), "an unnamed result is bound as _");
    }

    @Test
    void scriptsRunInOrderAndTheLastRowsAreShown() {
        TablePreview p = ws.sql("""
                CREATE OR REPLACE TABLE nums AS SELECT range AS n FROM range(10);
                INSERT INTO nums VALUES (100);
                SELECT count(*) AS c, max(n) AS m FROM nums
                """, "summary").orElseThrow();
        assertEquals(List.of(11L, 100L), p.rows().get(0));
        assertTrue(ws.sql("DROP TABLE nums", null).isEmpty(), "a statement without rows shows nothing");
    }

    @Test
    void statementsThatCannotBeNestedStillShowTheirRows() {
        TablePreview p = ws.sql("EXPLAIN SELECT 42", "plan").orElseThrow();
        assertTrue(p.totalRows() >= 1);
        assertNull(p.name(), "EXPLAIN's rows are shown, not bound");
    }

    @Test
    void identifiersThatAreKeywordsAreQuoted() {
        TablePreview p = ws.sql("SELECT 1 AS \"table\", 2 AS \"select\"", "weird").orElseThrow();
        assertEquals(List.of("table", "select"), p.columns().stream().map(Column::name).toList());
        assertEquals(List.of(new Column("table", "INTEGER"), new Column("select", "INTEGER")), ws.engine().schema("weird"));
    }

    @Test
    void errorsNameTheStatementLineAndSessionGoesOn() {
        SqlException e = assertThrows(SqlException.class, () -> ws.sql("SELECT 1;\n\nSELECT * FROM no_such_table", null));
        assertTrue(e.getMessage().startsWith("statement at line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_table"), e.getMessage());
        assertEquals(1, ws.sql("SELECT 1 AS one", null).orElseThrow().rows().size());
    }

    @Test
    void badNamesAreRefusedBeforeAnySqlRuns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ws.sql("SELECT 1", "x; DROP TABLE iris"));
        assertTrue(e.getMessage().contains("is not a dataset name"), e.getMessage());
    }

    @Test
    void aLongQueryIsCancelledAndTheEngineStaysUsable() throws Exception {
        CompletableFuture<Throwable> failure = CompletableFuture.supplyAsync(() -> {
            try {
                ws.sql("SELECT count(*) FROM range(10000000000) a, range(1000) b WHERE a.range + b.range < 0", null);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        // Cancel until the query is seen stopping; a cancel before it starts is harmless.
        Throwable t = null;
        while (t == null) {
            ws.cancel();
            try {
                t = failure.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException stillRunning) {
                // not yet
            }
        }
        assertInstanceOf(QueryCancelledException.class, t);
        assertThrows(QueryCancelledException.class, () -> ws.sql("SELECT 1", null), "cancel holds until reset");
        ws.resetCancel();
        assertEquals(List.of(7L), ws.sql("SELECT 7::BIGINT", null).orElseThrow().rows().get(0));
    }
}
