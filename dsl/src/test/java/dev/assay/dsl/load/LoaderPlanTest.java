package dev.assay.dsl.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.SqlEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reader a load plans: through the engine's dialect, and a URL handed to the engine as written. */
class LoaderPlanTest {

    @TempDir
    Path dir;
    private SqlEngine engine;

    @BeforeEach
    void open() {
        engine = new DuckDbEngine(dir.resolve("spill"), MemoryLimit.parse("1GB"));
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aUrlGoesToTheEngineAsWrittenWithoutLocalChecks() {
        LoadPlan plan = new Loader(engine, dir).plan("s3a://bucket/data/part-0.parquet", Map.of());
        assertEquals("read_parquet('s3a://bucket/data/part-0.parquet')", plan.tableFunction());
        assertTrue(plan.glob(), "no local file to inspect after a failure");
    }

    @Test
    void aMissingLocalFileIsStillRefusedBeforeTheEngineRuns() {
        assertThrows(LoadException.class, () -> new Loader(engine, dir).plan("missing.parquet", Map.of()));
    }

    @Test
    void csvRejectsAreKeptWhereTheDialectKeepsThem() throws Exception {
        Files.writeString(dir.resolve("t.csv"), "a,b\n1,2\n");
        LoadPlan plan = new Loader(engine, dir).plan("t.csv", Map.of("ignore_errors", true, "delimiter", ","));
        assertTrue(plan.collectRejects());
        assertEquals("read_csv('" + dir.resolve("t.csv") + "', delim = ',', header = true, ignore_errors = true, "
                + "store_rejects = true, rejects_table = '" + LoadPlan.REJECTS_TABLE + "', rejects_scan = '"
                + LoadPlan.REJECTS_SCAN + "')", plan.tableFunction());
        assertFalse(new Loader(engine, dir).plan("t.csv", Map.of()).collectRejects());
    }
}
