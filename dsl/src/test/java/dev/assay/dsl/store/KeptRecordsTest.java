package dev.assay.dsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metrics and check records the store keeps by content: read, written by rename, collected by gc. */
class KeptRecordsTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private VersionStore store;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
        store = ws.store();
        ws.sql("SELECT range AS id, range * 0.5 AS x FROM range(50)", "small");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void record(Fingerprint fp, boolean passed) {
        store.write(() -> false, w -> {
            w.recordCheck(fp, new StoredCheck(Instant.now(), "small", passed, List.of("rows > 0"),
                    passed ? List.of() : List.of("rows > 0")));
            return null;
        });
    }

    @Test
    void checkPassedIsTheLatestRecordedCheck() {
        Fingerprint fp = ws.dataset("small").pin("small").version().fingerprint();
        assertNull(store.checkPassed(fp), "never checked");
        record(fp, true);
        assertEquals(Boolean.TRUE, store.checkPassed(fp));
        record(fp, false);
        assertEquals(Boolean.FALSE, store.checkPassed(fp));
        assertEquals(List.of(true, false), store.checks(fp).stream().map(StoredCheck::passed).toList());
        assertEquals(List.of("rows > 0"), store.checks(fp).get(1).failed());
    }

    @Test
    void aDamagedChecksFileIsAClearErrorNamingIt() throws IOException {
        Fingerprint fp = ws.dataset("small").pin("small").version().fingerprint();
        record(fp, true);
        Path file = store.checksFile(fp);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
        StoreException e = assertThrows(StoreException.class, () -> store.checkPassed(fp));
        assertTrue(e.getMessage().startsWith(file + " is damaged and cannot be read"), e.getMessage());
        Files.writeString(file, "{\"format\":\"assay-checks 1\",\"fingerprint\":\"sha256:" + "0".repeat(64) + "\",\"checks\":[]}");
        e = assertThrows(StoreException.class, () -> store.checks(fp));
        assertTrue(e.getMessage().startsWith(file + " is not the checks of " + fp), e.getMessage());
        StoreException write = assertThrows(StoreException.class, () -> record(fp, true));
        assertTrue(write.getMessage().contains(file.toString()), write.getMessage());
    }

    @Test
    void gcKeepsTheRecordsOfEveryVersionAndRemovesTheOthers() throws IOException {
        Fingerprint kept = ws.dataset("small").pin("small").version().fingerprint();
        record(kept, true);
        String orphan = "ab".repeat(32) + ".json"; // left by a pin killed between its metrics and its label file
        Path orphanMetrics = Files.writeString(store.root().resolve("metrics").resolve(orphan), "{}");
        Path orphanChecks = Files.writeString(store.root().resolve("checks").resolve(orphan), "{}");
        Path notOurs = Files.writeString(store.root().resolve("metrics").resolve("README.txt"), "not a content's");
        Path unfinished = Files.writeString(store.root().resolve("tmp").resolve("half.json"), "{\"form");

        GcReport report = store.gc();
        assertEquals(List.of(orphan), report.removedMetrics());
        assertEquals(List.of(orphan), report.removedChecks());
        assertEquals(List.of(), report.removed(), "no snapshot to remove");
        assertEquals(4L, report.freedBytes(), "the two orphans' bytes");
        Map<String, Object> json = report.toJson();
        assertEquals(List.of(orphan), json.get("removed_metrics"));
        assertEquals(List.of(orphan), json.get("removed_checks"));
        assertFalse(Files.exists(orphanMetrics) || Files.exists(orphanChecks) || Files.exists(unfinished));
        assertTrue(Files.exists(notOurs), "only files named by a fingerprint are collected");
        assertTrue(Files.isRegularFile(store.metricsFile(kept)) && Files.isRegularFile(store.checksFile(kept)));
        assertEquals(Boolean.TRUE, store.checkPassed(kept));
    }

    @Test
    void gcRemovesTheRecordsOfAContentWhoseLabelWasRemoved() throws IOException {
        Fingerprint gone = ws.dataset("small").pin("gone").version().fingerprint();
        record(gone, false);
        Files.delete(store.root().resolve("labels").resolve("gone.json"));
        GcReport report = store.gc();
        assertEquals(List.of(gone.hex() + ".parquet"), report.removed());
        assertEquals(List.of(gone.hex() + ".json"), report.removedMetrics());
        assertEquals(List.of(gone.hex() + ".json"), report.removedChecks());
    }

    @Test
    void gcOfAStoreWrittenBeforeMetricsWorks() throws IOException {
        ws.dataset("small").pin("small");
        for (String d : List.of("metrics", "checks")) {
            try (Stream<Path> files = Files.list(store.root().resolve(d))) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(store.root().resolve(d));
        }
        GcReport report = store.gc();
        assertEquals(List.of(), report.removedMetrics());
        assertEquals(1, report.kept());
    }
}
