package dev.assay.dsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store between processes: a pin killed with SIGKILL at any point leaves a store that
 * reads, loads and takes the next pin; two JVMs pinning one label get consecutive versions.
 * Real JVMs, real signals, a real directory.
 */
class StoreProcessesTest {

    private static final long LARGE = 3_000_000;

    @TempDir
    Path dir;

    @Test
    void aPinKilledPartwayLeavesAStoreThatWorks() throws Exception {
        Path store = dir.resolve("store");
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            ws.sql("SELECT 1 AS x", "small");
            ws.dataset("small").pin("big"); // version 1, so a killed pin has something to corrupt
        }
        // Killed while its snapshot is being written (a file in tmp/), then at other moments.
        List<Long> delaysMillis = List.of(-1L, 300L, 1500L, 4000L);
        for (long delay : delaysMillis) {
            Process child = start(store, "big", LARGE, (int) delay);
            if (delay < 0) {
                waitFor(() -> hasFiles(store.resolve("tmp")), child, "a snapshot being written");
            } else {
                Thread.sleep(delay);
            }
            int versionsBefore = versionCount(store, "big");
            boolean killedWhileWriting = delay < 0;
            assertTrue(!killedWhileWriting || child.isAlive(), "the child is killed mid-write, not after");
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            if (killedWhileWriting) {
                assertTrue(hasFiles(store.resolve("tmp")), "the killed pin left its partial snapshot aside");
                assertEquals(versionsBefore, versionCount(store, "big"), "no version for a pin that did not finish");
            }
            assertStoreIntact(store, "big");
        }
        // The lock died with the killed process: the next pin goes through and numbers on.
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            int before = ws.versions("big").versions().size();
            ws.sql("SELECT 2 AS x", "next");
            assertEquals(before + 1, ws.dataset("next").pin("big").version().version());
            try (Stream<Path> left = Files.list(store.resolve("tmp"))) {
                assertEquals(List.of(), left.toList(), "the next writer cleared what the killed ones left aside");
            }
        }
        assertStoreIntact(store, "big");
    }

    @Test
    void twoJvmsPinningOneLabelGetConsecutiveVersions() throws Exception {
        Path store = dir.resolve("store");
        Process a = start(store, "shared", 400_000, 1);
        Process b = start(store, "shared", 400_000, 2);
        assertEquals(0, finish(a), output(a));
        assertEquals(0, finish(b), output(b));
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            List<StoredVersion> versions = ws.versions("shared").versions();
            assertEquals(List.of(1, 2), versions.stream().map(StoredVersion::version).toList());
            assertEquals(2, versions.stream().map(StoredVersion::fingerprint).distinct().count(), "both contents recorded");
            List<String> printed = List.of(output(a).strip(), output(b).strip());
            assertTrue(printed.stream().anyMatch(o -> o.endsWith("pinned shared@1")) && printed.stream().anyMatch(o -> o.endsWith("pinned shared@2")),
                    printed.toString());
        }
        assertStoreIntact(store, "shared");
    }

    private static int versionCount(Path store, String label) {
        return new VersionStore(store).versions(label).size();
    }

    /** Every version's snapshot is in place and loads to its fingerprint; tmp/ holds only what a live writer left. */
    private static void assertStoreIntact(Path store, String label) {
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            List<StoredVersion> versions = ws.versions(label).versions();
            for (int i = 0; i < versions.size(); i++) {
                StoredVersion v = versions.get(i);
                assertEquals(i + 1, v.version());
                assertTrue(Files.isRegularFile(ws.store().snapshotFile(v.fingerprint())), v.ref());
                ws.loadPin(v.ref(), "check"); // hashes the file, checks the fingerprint when they differ
                assertEquals(v.fingerprint(), new Fingerprinter(ws.engine()).of("check").fingerprint(), v.ref());
            }
        }
    }

    private Process start(Path store, String label, long rows, int variant) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                PinProcess.class.getName(), store.toString(), label, String.valueOf(rows), String.valueOf(variant)));
        Path log = Files.createTempFile(dir, "pin-", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        LOGS.put(p, log);
        return p;
    }

    private static final Map<Process, Path> LOGS = new ConcurrentHashMap<>();

    private static String output(Process p) throws IOException {
        return Files.readString(LOGS.get(p));
    }

    private static int finish(Process p) throws InterruptedException {
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static void waitFor(BooleanSupplier condition, Process child, String what) throws Exception {
        // Not a time limit on the code under test: only a guard against waiting forever.
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (!child.isAlive()) {
                throw new AssertionError("the pinning process ended before " + what + ": " + output(child));
            }
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("never saw " + what);
            }
            Thread.sleep(5);
        }
    }

    private static boolean hasFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".parquet"));
        } catch (IOException e) {
            return false;
        }
    }
}
