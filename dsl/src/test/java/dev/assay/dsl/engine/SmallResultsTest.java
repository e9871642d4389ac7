package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batches of a scan, run side by side on several connections, come back in order and whole;
 * progress over work in parts counts the parts done.
 */
class SmallResultsTest {

    @TempDir
    Path dir;
    private DuckDbEngine engine;

    @BeforeEach
    void open() {
        engine = new DuckDbEngine(dir, MemoryLimit.parse("1GB"));
        engine.run("CREATE TABLE t AS SELECT range AS i FROM range(1000)", null, 0);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void resultsComeBackInTheOrderOfTheQueries() {
        List<String> queries = new ArrayList<>();
        for (int k = 0; k < 12; k++) {
            queries.add("SELECT sum(i) FILTER (WHERE i % 12 = " + k + "), " + k + " FROM t");
        }
        List<List<List<Object>>> results = engine.smallResults(queries);
        for (int k = 0; k < 12; k++) {
            long expected = 0;
            for (int i = k; i < 1000; i += 12) {
                expected += i;
            }
            assertEquals(expected, ((Number) results.get(k).get(0).get(0)).longValue());
            assertEquals(k, ((Number) results.get(k).get(0).get(1)).intValue());
        }
        assertTrue(engine.runningProgress().isEmpty(), "no progress once done");
    }

    @Test
    void aTemporaryTableOnlyTheMainConnectionSeesIsStillRead() {
        engine.run("CREATE TEMP TABLE mine AS SELECT 7 AS x", null, 0);
        List<String> queries = new ArrayList<>();
        for (int k = 0; k < 6; k++) {
            queries.add("SELECT x + " + k + " FROM mine");
        }
        List<List<List<Object>>> results = engine.smallResults(queries);
        for (int k = 0; k < 6; k++) {
            assertEquals(7 + k, ((Number) results.get(k).get(0).get(0)).intValue());
        }
    }

    @Test
    void aFailingQueryFailsTheWholeWithItsMessage() {
        List<String> queries = List.of("SELECT 1", "SELECT 2", "SELECT nope FROM t", "SELECT 4");
        SqlException e = assertThrows(SqlException.class, () -> engine.smallResults(queries));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
        assertEquals(List.of(List.of(List.<Object>of(5))), engine.smallResults(List.of("SELECT 5")).stream()
                .map(r -> r.stream().map(row -> row.stream().map(v -> (Object) ((Number) v).intValue()).toList()).toList()).toList());
    }

    @Test
    void progressOverWorkInPartsCountsThePartsDone() {
        List<Double> seen = new ArrayList<>();
        engine.inSteps(4, () -> {
            seen.add(engine.runningProgress().orElse(-1));
            engine.smallResults(List.of("SELECT 1", "SELECT 2"));
            engine.stepDone();
            engine.stepDone();
            seen.add(engine.runningProgress().orElse(-1));
            engine.stepDone();
            seen.add(engine.runningProgress().orElse(-1));
            return null;
        });
        // No statement runs at these moments, so each figure is the share of parts done.
        assertEquals(List.of(0.0, 50.0, 75.0), seen);
        assertTrue(engine.runningProgress().isEmpty(), "no progress once the work is done");
    }
}
