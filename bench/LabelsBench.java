import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * labels on the benchmark data with a 10-class label, against one scan of the same table
 * (DuckDB's GROUP BY of the label and SUMMARIZE of every column, back to back): a row of
 * BenchAll's table, and alone (the median of three runs after a warm-up)
 *
 *   bench/run LabelsBench target/bench-data [--quick]
 *
 * The label is computed from the row's id by a hash (ten classes of about equal size), added
 * to the benchmark's six columns in a table made before anything is timed.
 */
public class LabelsBench {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        long rows = List.of(args).contains("--quick") ? 1_000_000L : 10_000_000L;
        Files.createDirectories(dataDir);
        Path current = dataDir.resolve("current-" + rows + ".parquet");
        try (Workspace ws = Workspace.embedded()) {
            if (!Files.exists(current)) {
                BenchData.write(ws, rows, false, current);
            }
            ws.load(current.toString(), "data", Map.of());
            System.out.println(measure(ws, rows).json());
        }
    }

    /** The row of the benchmark table: labels of {@code labelled} (made here from {@code data}) against one scan. */
    static BenchRow measure(Workspace ws, long rows) {
        ws.query("SELECT *, 'class' || CAST(hash(id, 6) % 10 AS VARCHAR) AS label FROM data", "labelled");
        return BenchRow.seconds("data", "labels (10 classes, every other column)",
                String.format(Locale.ROOT, "labels labelled on label (%,d rows, 6 other columns) vs SELECT label, count(*) "
                        + "GROUP BY label plus SUMMARIZE labelled", rows),
                Measure.median(() -> ws.dataset("labelled").labels("label")),
                Measure.median(() -> {
                    ws.sql("SELECT label, count(*) FROM labelled GROUP BY label", null);
                    return ws.sql("SUMMARIZE labelled", null);
                }),
                "GROUP BY label + SUMMARIZE", null);
    }
}
