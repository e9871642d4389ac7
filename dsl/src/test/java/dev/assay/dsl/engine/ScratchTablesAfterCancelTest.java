package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.workspace.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * An interrupt (Workspace.cancel, which the kernel's interrupt calls) that lands anywhere in
 * drift, near duplicates or a report leaves no scratch table behind. Each operation runs once
 * whole (twice), then is interrupted at shares of that duration, so that interrupts land while its
 * scratch tables exist; the catalog is read after each.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScratchTablesAfterCancelTest {

    /** When the interrupt lands, as shares of the operation's uninterrupted duration: early to late. */
    private static final double[] SHARES = {0.1, 0.3, 0.5, 0.7, 0.9};

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // Random words (no shared template, which would make the near-duplicate search quadratic), each text twice.
        ws.sql("SELECT i AS id, md5((i % 12000)::VARCHAR) || ' ' || md5((i % 12000 + 1)::VARCHAR) || ' ' "
                + "|| md5((i % 12000 + 2)::VARCHAR) AS text, (i % 997)::DOUBLE AS x, (i % 13) AS k "
                + "FROM range(24000) t(i)", "texts");
        ws.sql("SELECT i AS id, random() * 1000 AS a, (random() * 50)::BIGINT AS b, md5(i::VARCHAR)[1:3] AS c, "
                + "random() AS d FROM range(400000) t(i)", "left_side");
        ws.sql("SELECT i AS id, random() * 1100 AS a, (random() * 60)::BIGINT AS b, md5((i + 7)::VARCHAR)[1:3] AS c, "
                + "random() AS d FROM range(400000) t(i)", "right_side");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    @Test
    void interruptedNearDuplicatesDropTheirScratchTables() throws Exception {
        interruptAtEveryDelay("near duplicates",
                () -> ws.dataset("texts").duplicates(Match.on("text").normalized().near(0.8)));
    }

    @Test
    void interruptedDriftDropsItsScratchTables() throws Exception {
        interruptAtEveryDelay("drift", () -> ws.dataset("left_side").drift(ws.dataset("right_side"), DriftPlan.auto()));
    }

    @Test
    void interruptedReportDropsItsScratchTables() throws Exception {
        interruptAtEveryDelay("report", () -> ws.dataset("texts").report());
    }

    private void interruptAtEveryDelay(String what, Runnable operation) throws Exception {
        long duration = Long.MAX_VALUE;
        for (int warm = 0; warm < 2; warm++) { // the first run is slower (JIT, first scans)
            long started = System.nanoTime();
            operation.run();
            duration = Math.min(duration, (System.nanoTime() - started) / 1_000_000);
            assertEquals(List.of(), scratchRelations(), what + " left scratch tables when it ended by itself");
        }
        List<Long> stopped = new ArrayList<>();
        for (double share : SHARES) {
            long delay = Math.round(share * duration);
            CompletableFuture<Void> running = CompletableFuture.runAsync(operation);
            Thread.sleep(delay);
            ws.cancel();
            try {
                running.get();
            } catch (ExecutionException e) {
                assertTrue(e.getCause() instanceof QueryCancelledException,
                        what + " interrupted after " + delay + " ms failed otherwise: " + e.getCause());
                stopped.add(delay);
            } finally {
                ws.resetCancel(); // as the next cell does
            }
            assertEquals(List.of(), scratchRelations(), what + " interrupted after " + delay + " ms left scratch tables");
        }
        assertTrue(stopped.size() >= 3, what + " (" + duration + " ms) was stopped only by the interrupts after " + stopped
                + " ms: make it longer");
        assertTrue(ws.datasets().containsAll(List.of("texts", "left_side", "right_side")), "the datasets stay");
    }

    private List<Object> scratchRelations() {
        return ws.engine().smallResult("SELECT table_name FROM duckdb_tables() WHERE starts_with(table_name, "
                + ws.engine().quoteLiteral(SqlEngine.WORK_PREFIX) + ") UNION ALL SELECT view_name FROM duckdb_views() "
                + "WHERE starts_with(view_name, " + ws.engine().quoteLiteral(SqlEngine.WORK_PREFIX) + ")")
                .stream().map(row -> row.get(0)).toList();
    }
}
