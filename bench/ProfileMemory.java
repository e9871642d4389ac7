import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The peak resident memory (VmHWM) of a process that profiles many rows with the Java heap
 * capped at 512 MB: rows are never held in Java, DuckDB streams and spills. Run in a child
 * JVM so that the peak is this work's alone.
 */
public final class ProfileMemory {

    public static void main(String[] args) throws IOException {
        long rows = Long.parseLong(args[0]);
        try (Workspace ws = Workspace.embedded()) {
            ws.query(("""
                    SELECT i AS id, (hash(i, 1) % 1000000) / 100.0 AS amount,
                           CASE WHEN hash(i, 2) % 20 = 0 THEN NULL ELSE CAST(hash(i, 3) % 1000 AS INTEGER) END AS score,
                           'c' || (hash(i, 4) % 20) AS category,
                           TIMESTAMP '2025-01-01' + to_seconds(CAST(hash(i, 5) % 31536000 AS BIGINT)) AS ts,
                           md5(CAST(i AS VARCHAR)) || ' ' || md5(CAST(i + 1 AS VARCHAR)) AS text
                    FROM range(ROWS) r(i)""").replace("ROWS", Long.toString(rows)), "big");
            long start = System.nanoTime();
            ws.dataset("big").profile();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "RESULT %d %d %.3f%n", Measure.procStatusKilobytes("VmHWM") / 1024,
                    Measure.peakHeapBytes() >> 20, seconds);
        }
    }

    static BenchRow measureInChild(long rows) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "--add-opens=java.base/java.nio=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "ProfileMemory", Long.toString(rows))).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes());
        if (child.waitFor() != 0 || !output.contains("RESULT ")) {
            throw new IllegalStateException("the memory benchmark failed:\n" + output);
        }
        String[] result = output.substring(output.lastIndexOf("RESULT ")).strip().split("\\s+");
        return new BenchRow("memory", String.format(Locale.ROOT, "peak resident memory of profile, %,d rows", rows),
                "VmHWM of a JVM with -Xmx512m that generates the rows in DuckDB and profiles all 6 columns",
                Double.parseDouble(result[1]), null, null, "MB", "lower", null,
                String.format(Locale.ROOT, "heap capped at 512 MB, peak heap used %s MB, profile took %s s; DuckDB's memory "
                        + "limit is its default (80%% of the memory the heap leaves)", result[2], result[3]));
    }
}
