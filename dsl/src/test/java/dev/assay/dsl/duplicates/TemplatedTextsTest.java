package dev.assay.dsl.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Texts made from one template (a verification code in a fixed sentence) are all near
 * duplicates of each other: n texts make n²/2 similar pairs. The work must grow with n, not
 * with the pairs, and the texts must still end in one cluster.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TemplatedTextsTest {

    static final String TEMPLATE = "SELECT 'Your verification code is ' || lpad(((i * 7919) % 1000000)::VARCHAR, 6, '0') "
            + "|| '. Do not share it with anyone, our staff will never ask for it.' AS msg FROM range(ROWS) t(i)";

    private static final int ROWS = 3_000;
    private Workspace ws;

    @BeforeAll
    void load() {
        ws = Workspace.embedded();
        ws.query(TEMPLATE.replace("ROWS", String.valueOf(ROWS)), "codes");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    /** Pairs reported and exact comparisons made for the first {@code rows} texts, with a sink that keeps every pair. */
    private long[] work(long rows) {
        AtomicLong reported = new AtomicLong();
        ws.query("SELECT * FROM codes LIMIT " + rows, "codes_part");
        try (OrderedSource source = OrderedSource.of(ws.engine(), "codes_part");
             WorkTable docs = NearDocs.of(ws.engine(), source, "msg")) {
            long count = NearDocs.count(ws.engine(), docs);
            assertEquals(rows, count, "every code differs");
            NearPairs pairs = new NearPairs(ws.engine(), LshBanding.forThreshold(0.7));
            pairs.find(docs, count, 0.7, (x, y, s) -> reported.incrementAndGet());
            return new long[] {reported.get(), pairs.comparisons()};
        }
    }

    @Test
    void workGrowsWithTheTextsNotWithTheirPairs() {
        long[] half = work(ROWS / 2);
        long[] full = work(ROWS);
        System.out.printf("templated %d: %d pairs, %d comparisons; %d: %d pairs, %d comparisons%n",
                ROWS / 2, half[0], half[1], ROWS, full[0], full[1]);
        // All pairs are similar: reporting them all grows fourfold when the texts double (4.5 million at 3,000).
        assertTrue(full[0] < 2.5 * half[0], "pairs reported grow near-linearly: " + half[0] + " then " + full[0]);
        assertTrue(full[0] <= 100L * ROWS, "pairs reported for " + ROWS + " templated texts: " + full[0]);
    }

    @Test
    void templatedTextsFormOneCluster() {
        Duplicates d = ws.dataset("codes").duplicates(Match.on("msg").near(0.7));
        assertEquals(1, d.near().clusters());
        assertEquals(ROWS, d.near().rowsInClusters());
        assertEquals(1, ws.dataset("codes").dedup("codes_clean", Match.on("msg").near(0.7)).rows());
    }

    /**
     * The reported case: 20,000 texts of one template under a 1 GB engine limit and a 256 MB
     * heap (before: 24 GB resident and killed by the OS). The child must finish and find one
     * cluster; its peak resident memory must stay near the two limits.
     */
    @Test
    void twentyThousandTemplatedTextsStayWithinTheMemoryLimits() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = Files.createTempFile("templated-near-", ".log");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx256m", "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), TemplatedNearProcess.class.getName(), "20000")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ASSAY_MEMORY_LIMIT", "1GB");
        int exit = builder.start().waitFor();
        String output = Files.readString(log);
        assertEquals(0, exit, output);
        Map<String, Long> values = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] kv = line.split("=", 2);
            if (kv.length == 2 && kv[1].strip().matches("\\d+")) {
                values.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
            }
        }
        System.out.println(output);
        assertEquals(1L, values.get("clusters"), output);
        assertEquals(20_000L, values.get("rows_in_clusters"), output);
        assertEquals(1L, values.get("dedup_rows"), output);
        assertEquals(values.get("right_rows"), values.get("near_overlap_rows"), "every right-side code leaks: " + output);
        // The report's threshold (0.8) is about the similarity of two codes with no digit in common.
        assertTrue(values.get("report_clusters") >= 1, output);
        assertTrue(values.get("report_near_overlap_rows") > 0, output);
        // 1 GB for the engine, 256 MB of heap, and room for the JVM, DuckDB's code and Arrow buffers.
        assertTrue(values.get("peak_rss_kb") < 2_500_000L, "peak resident memory " + values.get("peak_rss_kb") + " kB");
        Files.delete(log);
    }
}
