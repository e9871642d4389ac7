package dev.assay.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code assay store gc} on a real store made by pinning. */
class StoreCommandTest {

    @TempDir
    Path dir;

    @Test
    void gcRemovesUnreferencedSnapshotsAndKeepsPinnedOnes() throws Exception {
        Path store = dir.resolve("store");
        Path kept;
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            ws.sql("SELECT 1 AS x", "one");
            kept = ws.store().snapshotFile(ws.dataset("one").pin("one").version().fingerprint());
        }
        Path orphan = Files.writeString(store.resolve("snapshots").resolve("f".repeat(64) + ".parquet"), "orphan");
        assertEquals(0, AssayCommand.execute("store", "gc", "--store", store.toString()));
        assertFalse(Files.exists(orphan));
        assertTrue(Files.exists(kept));
    }

    @Test
    void aMissingStoreIsAnInputError() {
        assertEquals(2, AssayCommand.execute("store", "gc", "--store", dir.resolve("nowhere").toString()));
        assertFalse(Files.exists(dir.resolve("nowhere")), "gc creates no store");
        assertEquals(2, AssayCommand.execute("store"));
    }
}
