package dev.assay.dsl.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.history.VersionMetrics;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** Enough rows that a profile and a snapshot write each take long enough to be caught. */
    private static final long MEDIUM = 1_000_000;

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

    @Test
    void aPinKilledWhileItsMetricsAreMadeOrKeptLeavesThemAbsentOrComplete() throws Exception {
        Path store = storeWithOneVersion("big");
        // During the profile: outside the lock, nothing of it is in the store yet.
        Process profiling = start(store, "big", MEDIUM, 3, "announce");
        waitFor(() -> logContains(profiling, "profiling"), profiling, "the profile starting");
        profiling.destroyForcibly();
        assertTrue(profiling.waitFor(60, TimeUnit.SECONDS));
        assertFalse(output(profiling).contains("profiled"), "killed during the profile, not after");
        assertEquals(1, versionCount(store, "big"));
        assertEquals(1, metricsFiles(store).size(), "only version 1's metrics");
        assertStoreIntact(store, "big");

        // After keeping its metrics, while the snapshot is written: metrics complete, no version yet.
        Process writing = start(store, "big", MEDIUM, 4, "announce");
        waitFor(() -> hasFiles(store.resolve("tmp")), writing, "a snapshot being written");
        assertTrue(writing.isAlive());
        writing.destroyForcibly();
        assertTrue(writing.waitFor(60, TimeUnit.SECONDS));
        Fingerprint orphan = profiledFingerprint(output(writing));
        assertEquals(1, versionCount(store, "big"), "no version for a pin that did not finish");
        VersionStore versions = new VersionStore(store);
        VersionMetrics.read(orphan, versions.metrics(orphan).orElseThrow(), "metrics of the killed pin"); // complete
        assertStoreIntact(store, "big");
        GcReport gc = versions.gc();
        assertEquals(List.of(orphan.hex() + ".json"), gc.removedMetrics(), "gc removes the metrics no version refers to");
        assertStoreIntact(store, "big");
    }

    @Test
    void aCheckRecordKilledMidWriteLeavesTheOldRecordOrTheNew() throws Exception {
        Path store = storeWithOneVersion("checked");
        VersionStore versions = new VersionStore(store);
        Fingerprint fp = versions.resolve(new VersionRef("checked", null)).fingerprint();
        for (int round : List.of(5, 30, 60)) {
            int before = versions.checks(fp).size();
            Process recorder = startClass(RecordProcess.class, store.toString(), "checked");
            waitFor(() -> recordedCount(recorder) >= before + round, recorder, round + " more records");
            recorder.destroyForcibly(); // most likely while it rewrites the file: that is most of its time
            assertTrue(recorder.waitFor(60, TimeUnit.SECONDS));
            int printed = recordedCount(recorder);
            List<StoredCheck> checks = versions.checks(fp); // reads: the old file or the new, never a part
            assertTrue(checks.size() == printed || checks.size() == printed + 1,
                    "every record it reported is there, and at most the one it was writing: " + checks.size() + " vs " + printed);
            assertEquals(checks.size() % 2 == 0, versions.checkPassed(fp), "the latest record is the last one written");
        }
        assertStoreIntact(store, "checked");
    }

    /** A store in the test's folder whose label has one small version, for a killed writer to corrupt. */
    private Path storeWithOneVersion(String label) {
        Path store = dir.resolve("store");
        try (Workspace ws = Workspace.embedded()) {
            ws.useStore(store.toString());
            ws.sql("SELECT 1 AS x", "small");
            ws.dataset("small").pin(label);
        }
        return store;
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
                assertEquals(v.rows(), ws.metrics(v).rows(), v.ref() + ": metrics kept, or recomputed when absent");
            }
        }
    }

    private Process start(Path store, String label, long rows, int variant, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(store.toString(), label, String.valueOf(rows), String.valueOf(variant)));
        args.addAll(List.of(more));
        return startClass(PinProcess.class, args.toArray(String[]::new));
    }

    private Process startClass(Class<?> main, String... args) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx512m",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                main.getName()));
        command.addAll(List.of(args));
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
                child.destroyForcibly(); // not left running to slow the tests after this one
                throw new AssertionError("never saw " + what);
            }
            Thread.sleep(5);
        }
    }

    private static boolean logContains(Process p, String text) {
        try {
            return output(p).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static final Pattern RECORDED = Pattern.compile("recorded (\\d+)");

    /** The last {@code recorded N} the record process printed (0 before the first). */
    private static int recordedCount(Process p) {
        try {
            Matcher m = RECORDED.matcher(output(p));
            int last = 0;
            while (m.find()) {
                last = Integer.parseInt(m.group(1));
            }
            return last;
        } catch (IOException e) {
            return 0;
        }
    }

    private static Fingerprint profiledFingerprint(String log) {
        Matcher m = Pattern.compile("profiled (sha256:[0-9a-f]{64})").matcher(log);
        assertTrue(m.find(), log);
        return new Fingerprint(m.group(1));
    }

    private static List<Path> metricsFiles(Path store) throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("metrics"))) {
            return files.toList();
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
