package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.Column;
import java.util.List;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatasetTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT range AS id, 'row ' || range AS label FROM range(100000)", "numbers");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void countSchemaAndShowAskTheEngine() {
        Dataset d = ws.dataset("numbers");
        assertEquals(100_000, d.count());
        assertEquals(List.of(new Column("id", "BIGINT"), new Column("label", "VARCHAR")), d.schema());
        assertEquals(3, d.show(3).rows().size());
        assertEquals(100_000, d.show(3).totalRows());
        assertEquals("row 2", d.show(3).rows().get(2).get(1));
    }

    @Test
    void arrowBatchesStreamEveryRowInBoundedBatches() throws Exception {
        long rows = 0;
        long sum = 0;
        int batches = 0;
        try (ArrowReader reader = ws.dataset("numbers").arrowBatches(4096)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                assertTrue(root.getRowCount() <= 4096, "batch of " + root.getRowCount());
                BigIntVector ids = (BigIntVector) root.getVector("id");
                for (int i = 0; i < root.getRowCount(); i++) {
                    sum += ids.get(i);
                }
                rows += root.getRowCount();
                batches++;
            }
        }
        assertEquals(100_000, rows);
        assertEquals(99_999L * 100_000 / 2, sum, "every id once");
        assertTrue(batches >= 25, batches + " batches");
        assertEquals(100_000, ws.dataset("numbers").count(), "the engine works after the stream closes");
    }

    @Test
    void unknownNamesSuggestTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ws.dataset("nubmers"));
        assertEquals("no dataset 'nubmers'; did you mean 'numbers'?", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ws.dataset("completely_else"));
        assertEquals("no dataset 'completely_else'", e.getMessage());
    }

    @Test
    void queriesThatYieldNoRowsCannotBecomeDatasets() {
        assertThrows(IllegalArgumentException.class, () -> ws.query("CREATE TABLE scratch (a INT)", "scratch2"));
        assertThrows(IllegalArgumentException.class, () -> ws.query("SELECT 1", "not a name"));
    }
}
