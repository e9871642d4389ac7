package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The server's disk is given back when the last name of a relation is dropped, and not before:
 * a server of its own, whose storage memory is so small that every checkpoint's blocks go to its
 * local directory, where the test can weigh them.
 */
class CheckpointReleaseTest {

    private static final long GC_SECONDS = 5;
    private static final String ROWS = "SELECT id, concat('row number ', CAST(id AS STRING)) AS label FROM range(1500000)";

    @Test
    void blocksOfADroppedRelationLeaveTheServersDiskAndRenamedOnesStay() throws Exception {
        Path local = Files.createTempDirectory("assay-spark-local");
        try (LocalConnectServer.Own server = LocalConnectServer.startOwn("spark.local.dir=" + local,
                "spark.memory.fraction=0.001", "spark.cleaner.periodicGC.interval=" + GC_SECONDS + "s");
             SqlEngine spark = new SparkEngineProvider().open(server.location(), EngineSettings.fromEnvironment())) {
            spark.materialize("first", ROWS);
            long stored = blockBytes(local);
            assertTrue(stored > 10_000_000, "the checkpoint spills to the local directory: " + stored + " bytes");

            // A rename keeps the same rows under a new name: nothing may be released.
            spark.renameAllReplacing(Map.of("first", "second"));
            waitForCollections();
            assertEquals(List.of(List.of(1_500_000L)), spark.smallResult("SELECT count(*) FROM second"));
            assertTrue(blockBytes(local) >= stored, "renamed rows stay on the server");

            // Replacing the name's rows drops the old ones: their blocks go at the next collection.
            spark.materialize("second", "SELECT 1 AS one");
            assertTrue(shrinksBelow(local, stored / 10), "blocks left after replacing: " + blockBytes(local));

            spark.materialize("third", ROWS);
            assertTrue(blockBytes(local) > 10_000_000);
            spark.dropScratch("third");
            assertTrue(shrinksBelow(local, stored / 10), "blocks left after dropping: " + blockBytes(local));
            assertEquals(List.of(List.of(1)), spark.smallResult("SELECT one FROM second"));
        }
    }

    /** Waits for the server's collections to run (its interval, and then some). */
    private static void waitForCollections() throws InterruptedException {
        Thread.sleep(3 * GC_SECONDS * 1000);
    }

    /** Whether the blocks come under {@code bytes} within a generous number of the server's collections. */
    private static boolean shrinksBelow(Path local, long bytes) throws InterruptedException {
        for (int i = 0; i < 24; i++) {
            if (blockBytes(local) < bytes) {
                return true;
            }
            Thread.sleep(GC_SECONDS * 1000);
        }
        return false;
    }

    /** The bytes of the blocks of relations (files {@code rdd_*}) under the server's local directory. */
    private static long blockBytes(Path local) {
        for (int attempt = 0; ; attempt++) {
            try (Stream<Path> files = Files.walk(local)) {
                return files.filter(f -> f.getFileName().toString().startsWith("rdd_")).mapToLong(f -> {
                    try {
                        return Files.size(f);
                    } catch (IOException e) {
                        return 0; // removed while we weighed it
                    }
                }).sum();
            } catch (IOException | UncheckedIOException e) {
                // Spark removed a directory while we walked it: walk again, a few times.
                if (attempt == 5) {
                    throw new IllegalStateException("cannot weigh " + local, e);
                }
            }
        }
    }
}
