import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * The Java side of bench/run: every data operation against the raw DuckDB SQL that does the
 * same work, on the same generated Parquet, in this process; then the kernel's overhead over
 * a bare JShell evaluation (JMH, in JVMs it forks: KernelOverhead), and the peak resident
 * memory of a profile with the heap capped.
 * Whole operations are timed as the median of three runs after a warm-up (Measure.median).
 *
 *   java BenchAll DATA_DIR OUT.json [--quick]
 */
public class BenchAll {

    private static final PrintStream OUT = System.out;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        boolean quick = List.of(args).contains("--quick");
        long rows = quick ? 1_000_000L : 10_000_000L;
        long nearRows = quick ? 50_000L : 200_000L;
        long memoryRows = quick ? 5_000_000L : 50_000_000L;
        Files.createDirectories(dataDir);
        List<BenchRow> results = new ArrayList<>();

        try (Workspace ws = Workspace.embedded()) {
            Path current = dataDir.resolve("current-" + rows + ".parquet");
            Path shifted = dataDir.resolve("shifted-" + rows + ".parquet");
            Path sample = dataDir.resolve("sample-1000000.parquet");
            generate(ws, rows, false, current);
            generate(ws, rows, true, shifted);
            generate(ws, 1_000_000L, false, sample);
            ws.load(current.toString(), "data", Map.of());
            ws.load(shifted.toString(), "moved", Map.of());
            Dataset data = ws.dataset("data");
            OUT.printf(Locale.ROOT, "data: %,d rows x 6 columns (%s), max heap %,d MB%n", rows, current,
                    Runtime.getRuntime().maxMemory() >> 20);

            data(ws, data, rows, results);
            near(ws, nearRows, results);
            pins(ws, data, dataDir, results);
            arrowVersusJdbc(data, current, results);
            pandasCounterparts(ws, sample, results);
        }
        results.add(KernelOverhead.measure(quick));
        results.add(ProfileMemory.measureInChild(memoryRows));
        Files.writeString(out, BenchRow.json(results));
        OUT.println("wrote " + results.size() + " rows to " + out);
    }

    private static void generate(Workspace ws, long rows, boolean shifted, Path file) {
        if (!Files.exists(file)) {
            long t = System.nanoTime();
            BenchData.write(ws, rows, shifted, file);
            OUT.printf(Locale.ROOT, "generated %s in %.1f s%n", file.getFileName(), (System.nanoTime() - t) / 1e9);
        }
    }

    private static void data(Workspace ws, Dataset data, long rows, List<BenchRow> results) {
        String n = String.format(Locale.ROOT, "%,d rows", rows);
        add(results, BenchRow.seconds("data", "profile (exact), every column",
                "profile data (all 6 columns, " + n + ") vs SUMMARIZE data (approximate quantiles and distinct counts)",
                Measure.median(() -> data.profile()), Measure.median(() -> ws.sql("SUMMARIZE data", null)),
                "DuckDB SUMMARIZE", 1.0));
        add(results, BenchRow.seconds("data", "exact duplicates of whole rows",
                "duplicates data: counts, groups and the 5 largest groups vs one count over DISTINCT rows",
                Measure.median(() -> data.duplicates()),
                Measure.median(() -> ws.sql("SELECT count(*) - (SELECT count(*) FROM (SELECT DISTINCT * FROM data)) FROM data", null)),
                "count(*) - count of SELECT DISTINCT *", null));
        add(results, BenchRow.seconds("data", "dedup of whole rows",
                "dedup data into a table (first row of each group, in source order) vs CREATE TABLE AS SELECT DISTINCT * (any row, any order)",
                Measure.median(() -> data.dedup("deduped")),
                Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE distinct_rows AS SELECT DISTINCT * FROM data", null)),
                "SELECT DISTINCT *", 1.2));
        String hash = "left(sha256('assay-split-v1|0' || CASE WHEN id IS NULL THEN '|N' ELSE '|S' || "
                + "CAST(length(CAST(id AS VARCHAR)) AS VARCHAR) || ':' || CAST(id AS VARCHAR) END), 16)";
        double raw = Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE parts AS SELECT *, CASE WHEN " + hash
                + " < 'cccccccccccccccc' THEN 'train' WHEN " + hash + " < 'e666666666666666' THEN 'valid' ELSE 'test' END AS part "
                + "FROM data", null));
        add(results, BenchRow.seconds("data", "split 80/10/10 by id (hash)",
                "split data 80/10/10 by id into three tables vs one table with the same SHA-256 part column",
                Measure.median(() -> data.split(SplitPlan.into("tr", "va", "te").percent(80, 10, 10).by("id").build())),
                raw, "raw SQL hash expression", null));
        add(results, BenchRow.seconds("data", "split 80/10/10 stratified by category",
                "split data 80/10/10 stratify category (exact shares per stratum) vs the hash part column above",
                Measure.median(() -> data.split(SplitPlan.into("st", "sv", "ss").percent(80, 10, 10).stratify("category").build())),
                raw, "raw SQL hash expression", null));
        add(results, BenchRow.seconds("data", "drift (auto, all 6 columns)",
                "drift data vs moved with each column's automatic method, statistics and distributions vs one scan of both "
                        + "tables computing count, min, max, mean of every column",
                Measure.median(() -> data.drift(ws.dataset("moved"), DriftPlan.auto())),
                Measure.median(() -> ws.sql(oneScan("data") + " UNION ALL " + oneScan("moved"), null)),
                "one raw scan of both datasets", 2.0));
        add(results, LabelsBench.measure(ws, rows));
    }

    private static String oneScan(String table) {
        return "SELECT count(*), min(id), max(id), avg(id), min(amount), max(amount), avg(amount), min(score), max(score), "
                + "avg(score), count(DISTINCT category), min(ts), max(ts), avg(epoch(ts)), avg(length(text)) FROM " + table;
    }

    private static void near(Workspace ws, long nearRows, List<BenchRow> results) {
        ws.query("SELECT * FROM data WHERE id < " + nearRows, "near_sample");
        Dataset sample = ws.dataset("near_sample");
        long t = System.nanoTime();
        sample.dedup("near_clean", Match.on("text").near(0.8));
        double seconds = (System.nanoTime() - t) / 1e9;
        long planted = ((Number) ws.engine().smallResult("SELECT count(*) FROM near_sample WHERE id % 20 = 19")
                .get(0).get(0)).longValue();
        long caught = ((Number) ws.engine().smallResult("SELECT count(*) FROM near_sample WHERE id % 20 = 19 AND id NOT IN "
                + "(SELECT id FROM near_clean)").get(0).get(0)).longValue();
        results.add(new BenchRow("data", "near duplicates at 0.8: documents per second",
                String.format(Locale.ROOT, "dedup on text near 0.8 of the first %,d rows (MinHash, LSH, exact confirmation), one run",
                        nearRows), nearRows / seconds, null, null, "rows/s", "higher", null,
                String.format(Locale.ROOT, "recall on the planted pairs %.4f (%,d of %,d)", (double) caught / planted, caught,
                        planted)));
        OUT.println(results.get(results.size() - 1).json());
    }

    private static void pins(Workspace ws, Dataset data, Path dataDir, List<BenchRow> results) throws Exception {
        Path scratch = Files.createTempDirectory(dataDir, "pins-");
        Path copy = scratch.resolve("copy.parquet");
        int[] run = {0};
        add(results, BenchRow.seconds("data", "pin",
                "pin data into a fresh store (fingerprint, zstd Parquet snapshot, version record) vs COPY data TO Parquet (zstd)",
                Measure.median(() -> {
                    ws.useStore(scratch.resolve("store-" + run[0]++).toString());
                    return data.pin("bench");
                }),
                Measure.median(() -> ws.sql("COPY data TO '" + copy + "' (FORMAT parquet, COMPRESSION zstd)", null)),
                "COPY TO Parquet", 1.5));
        add(results, BenchRow.seconds("data", "load pin (verified)",
                "load pin 'bench' into a table, checking the snapshot's SHA-256 vs CREATE TABLE AS SELECT * FROM read_parquet of the COPY",
                Measure.median(() -> ws.loadPin("bench", "loaded")),
                Measure.median(() -> ws.sql("CREATE OR REPLACE TABLE back AS SELECT * FROM read_parquet('" + copy + "')", null)),
                "read_parquet into a table", null));
        Measure.deleteTree(scratch);
    }

    /** Rows into Java: Arrow batches through the C stream against JDBC's row-by-row ResultSet, reading the same two columns. */
    private static void arrowVersusJdbc(Dataset data, Path parquet, List<BenchRow> results) throws Exception {
        long rows = data.count();
        double arrow = Measure.median(() -> {
            long sum = 0;
            try (ArrowReader reader = data.arrowBatches(65_536)) {
                while (reader.loadNextBatch()) {
                    var root = reader.getVectorSchemaRoot();
                    BigIntVector id = (BigIntVector) root.getVector("id");
                    var text = root.getVector("text");
                    for (int i = 0; i < root.getRowCount(); i++) {
                        sum += id.get(i) + (text.isNull(i) ? 0 : 1);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return sum;
        });
        double jdbc = Measure.median(() -> {
            long sum = 0;
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM read_parquet('" + parquet + "')")) {
                while (rs.next()) {
                    sum += rs.getLong("id") + (rs.getString("text") == null ? 0 : 1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return sum;
        });
        results.add(new BenchRow("data", "rows into Java: Arrow batches",
                "every row of data read in Java (id and text of each row): Arrow C stream batches vs JDBC ResultSet.next()",
                rows / arrow, rows / jdbc, "JDBC ResultSet iteration", "rows/s", "higher", null, ""));
        OUT.println(results.get(results.size() - 1).json());
    }

    /** Assay's side of the pandas rows: the same 1-million-row Parquet file that bench/python/pandas_profile.py reads. */
    private static void pandasCounterparts(Workspace ws, Path sample, List<BenchRow> results) {
        double withRead = Measure.median(() -> {
            ws.load(sample.toString(), "sample", Map.of());
            return ws.dataset("sample").profile();
        });
        double profileOnly = Measure.median(() -> ws.dataset("sample").profile());
        results.add(new BenchRow("pandas", "profile vs pandas, 1M rows, with the read", "load of the Parquet file and profile",
                withRead, null, null, "s", "lower", 1.0, ""));
        results.add(new BenchRow("pandas", "profile vs pandas, 1M rows, without the read", "profile of the loaded table",
                profileOnly, null, null, "s", "lower", 1.0, ""));
    }

    private static void add(List<BenchRow> results, BenchRow row) {
        results.add(row);
        OUT.printf(Locale.ROOT, "%-45s %8.3f s | %-40s %8.3f s | %.2fx%n", row.what(), row.assay(), row.baselineWhat(),
                row.baseline(), row.assay() / row.baseline());
    }
}
