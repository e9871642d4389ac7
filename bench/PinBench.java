import dev.assay.dsl.store.Pinner;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * pin and load pin of generated rows against DuckDB's own COPY TO Parquet and Parquet read of
 * the same data, in the same process (the median of three runs after a warm-up):
 *
 *   bench/run PinBench [ROWS]
 *
 * Columns: an id, two doubles, a timestamp, a category, a 40-character note and a boolean,
 * computed from the row number. Every pin goes to a fresh store, so each one fingerprints,
 * profiles it for the metrics it keeps, writes the snapshot and records a version; "pin,
 * unchanged" pins content the label already has (the fingerprint only). What the metrics
 * add is the pin against the same pin keeping none (a Pinner whose metrics are empty),
 * set beside the profile of the same data alone.
 */
public class PinBench {

    public static void main(String[] args) throws IOException {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000L;
        Path scratch = Files.createTempDirectory("assay-pin-bench-");
        try (Workspace ws = Workspace.embedded()) {
            ws.query(("""
                    SELECT i AS id, (hash(i, 1) % 1000000) / 100.0 AS amount, ln(1 + hash(i, 2) % 1000) AS score,
                           TIMESTAMP '2024-01-01' + to_seconds(CAST(hash(i, 3) % 31536000 AS BIGINT)) AS at,
                           'category ' || (hash(i, 4) % 20) AS category, md5(CAST(i AS VARCHAR)) || ' note' AS note,
                           hash(i, 5) % 2 = 0 AS flag
                    FROM range(ROWS) r(i)""").replace("ROWS", Long.toString(rows)), "data");
            System.out.printf(Locale.ROOT, "rows %,d, 7 columns, max heap %,d MB%n", rows, Runtime.getRuntime().maxMemory() >> 20);
            Path copy = scratch.resolve("copy.parquet");
            double copyTime = Measure.median(() -> ws.sql("COPY data TO '" + copy + "' (FORMAT parquet, COMPRESSION zstd)", null));
            int[] run = {0};
            double pin = Measure.median(() -> {
                ws.useStore(scratch.resolve("store-" + run[0]++).toString());
                return ws.dataset("data").pin("data");
            });
            Measure.row("pin (fingerprint, profile, snapshot, record)", pin, "COPY TO Parquet", copyTime);
            double bare = Measure.median(() -> {
                ws.useStore(scratch.resolve("store-" + run[0]++).toString());
                return new Pinner(ws.engine(), ws.store(), (relation, fingerprint) -> new byte[0])
                        .pin("data", "data", Provenance.UNKNOWN);
            });
            Measure.row("pin keeping its metrics", pin, "pin keeping none", bare);
            double profile = Measure.median(() -> ws.dataset("data").profile());
            Measure.row("what the metrics add to a pin", pin - bare, "profile alone", profile);
            double again = Measure.median(() -> ws.dataset("data").pin("data"));
            Measure.row("pin, unchanged (fingerprint only)", again, "COPY TO Parquet", copyTime);
            double read = Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE back AS SELECT * FROM read_parquet('" + copy + "')", null));
            double load = Measure.median(() -> ws.loadPin("data", "loaded"));
            Measure.row("load pin (read, file hash)", load, "CREATE TABLE from Parquet", read);
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (UncheckedIOException e) {
                // best effort: the folder is in the temporary directory
            }
        }
    }
}
