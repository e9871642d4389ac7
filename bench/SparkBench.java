import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.spark.SparkEngineProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every operation on Spark (local, through Spark Connect, with 1 and with 2 cores) against
 * DuckDB on the same generated Parquet data, timed in one run:
 * {@code bench/run SparkBench [--quick] [--rows N]}. Writes OUT.json and OUT.md (a table with
 * the ratios Spark / DuckDB and local[1] / local[2]).
 * Each operation runs once per engine (at 10 million rows a repeat costs minutes); an operation
 * that fails on an engine is recorded with its error, not skipped silently. On Spark the
 * server's local directory is weighed too: the most it held during each operation and what it
 * holds a minute after (the server collects every minute), so a session that does not give its
 * disk back shows.
 */
public final class SparkBench {

    /** The statements timed, in order; {@code data} and {@code later} are loaded first. */
    private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("profile", "profile data");
        OPERATIONS.put("duplicates (exact, text)", "duplicates data on text");
        OPERATIONS.put("duplicates (normalized)", "duplicates data on text normalize");
        OPERATIONS.put("dedup", "clean = dedup data on text");
        OPERATIONS.put("split 80/20 (hash)", "train, test = split data 80/20 seed 7");
        OPERATIONS.put("split stratified", "strain, stest = split data 80/20 stratify category seed 7");
        OPERATIONS.put("leakage", "leakage train, test on text");
        OPERATIONS.put("drift (auto, every column)", "drift data vs later");
        OPERATIONS.put("check", "check data: rows > 1000, missing(score) < 10%, distinct(category) > 5, mean(amount) > 1");
        OPERATIONS.put("sample 10%", "s = sample data 10% seed 3");
    }

    private SparkBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path out = Path.of(args[1]); // a path without extension: .json and .md are added
        long rows = 10_000_000L;
        int[] coreCounts = {2, 1}; // 2 first: a run stopped early still compares with DuckDB
        for (int i = 2; i < args.length; i++) {
            if (args[i].equals("--quick")) {
                rows = 1_000_000L;
            } else if (args[i].equals("--rows")) {
                rows = Long.parseLong(args[++i]);
            } else if (args[i].equals("--only")) {
                // Operations by name, comma-separated: to measure again one that failed, on fresh servers.
                List<String> only = List.of(args[++i].split(","));
                OPERATIONS.keySet().removeIf(op -> only.stream().noneMatch(op::startsWith));
            } else if (args[i].equals("--cores")) {
                coreCounts = java.util.Arrays.stream(args[++i].split(",")).mapToInt(Integer::parseInt).toArray();
            }
        }
        Files.createDirectories(dataDir);
        Path data = dataDir.resolve("sample-" + rows + ".parquet");
        Path later = dataDir.resolve("shifted-" + rows + ".parquet");
        try (Workspace generator = Workspace.embedded()) {
            if (!Files.exists(data)) {
                BenchData.write(generator, rows, false, data);
            }
            if (!Files.exists(later)) {
                BenchData.write(generator, rows, true, later);
            }
        }
        Map<String, Map<String, Object>> results = new LinkedHashMap<>();
        EngineSettings settings = EngineSettings.fromEnvironment();
        results.put("duckdb", time(new DuckDbEngineProvider().open(settings), data, later));
        write(out, rows, results);
        for (int cores : coreCounts) {
            Path local = Files.createTempDirectory(dataDir, "spark-local-");
            Process server = serve(cores, local);
            try (ServerDisk disk = new ServerDisk(local)) {
                String location = location(server);
                String engine = "spark local[" + cores + "]";
                results.put(engine, time(new SparkEngineProvider().open(location, settings), data, later, disk));
                write(out, rows, results);
            } finally {
                server.destroy();
                server.waitFor();
                deleteTree(local);
            }
        }
        System.out.println(write(out, rows, results));
    }

    /**
     * Writes OUT.json and OUT.md with the engines measured so far: a run stopped half way (at 10
     * million rows Spark takes most of an hour) keeps what it measured.
     */
    private static String write(Path out, long rows, Map<String, Map<String, Object>> results) throws IOException {
        StringBuilder json = new StringBuilder("{\"rows\": " + rows + ", \"cores\": " + Runtime.getRuntime().availableProcessors()
                + ", \"load\": " + System.getProperty("bench.load", "null") + ", \"engines\": {");
        String engineSep = "";
        for (Map.Entry<String, Map<String, Object>> engine : results.entrySet()) {
            json.append(engineSep).append('"').append(engine.getKey()).append("\": {");
            String sep = "";
            for (Map.Entry<String, Object> op : engine.getValue().entrySet()) {
                Object v = op.getValue();
                json.append(sep).append('"').append(op.getKey()).append("\": ")
                        .append(v instanceof Double d ? String.format(Locale.ROOT, "%.3f", d)
                                : "\"" + String.valueOf(v).replace("\\", "\\\\").replace("\"", "'").replace("\n", " ") + "\"");
                sep = ", ";
            }
            json.append('}');
            engineSep = ", ";
        }
        json.append("}}\n");
        Files.writeString(Path.of(out + ".json"), json.toString());
        String table = table(rows, results);
        Files.writeString(Path.of(out + ".md"), table);
        return table;
    }

    private static void deleteTree(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static String table(long rows, Map<String, Map<String, Object>> results) {
        Map<String, Object> duck = results.get("duckdb");
        Map<String, Object> one = results.getOrDefault("spark local[1]", Map.of());
        Map<String, Object> two = results.getOrDefault("spark local[2]", Map.of());
        StringBuilder md = new StringBuilder(String.format(Locale.ROOT,
                "# Spark (local, Spark Connect) against DuckDB, %,d rows, %d cores, one run each%n%n", rows,
                Runtime.getRuntime().availableProcessors()));
        md.append("| operation | DuckDB s | Spark local[1] s | Spark local[2] s | Spark[2] / DuckDB | local[1] / local[2] "
                + "| server disk, most during / a minute after, local[2] |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (String op : duck.keySet()) {
            md.append("| ").append(op).append(" | ").append(cell(duck.get(op))).append(" | ").append(cell(one.get(op)))
                    .append(" | ").append(cell(two.get(op))).append(" | ").append(ratio(two.get(op), duck.get(op)))
                    .append(" | ").append(ratio(one.get(op), two.get(op))).append(" | ")
                    .append(disk(two.get(op + PEAK), two.get(op + AFTER))).append(" |\n");
        }
        return md.toString();
    }

    private static String disk(Object peak, Object after) {
        return peak instanceof Double p && after instanceof Double a
                ? String.format(Locale.ROOT, "%,.0f MB / %,.0f MB", p / 1e6, a / 1e6) : "-";
    }

    private static String cell(Object v) {
        return v instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : v == null ? "not run" : "failed";
    }

    private static String ratio(Object a, Object b) {
        return a instanceof Double x && b instanceof Double y && y > 0 ? String.format(Locale.ROOT, "%.2fx", x / y) : "-";
    }

    /** Keys of the server disk's figures, after an operation's name. */
    private static final String PEAK = " (disk peak)";
    private static final String AFTER = " (disk after)";

    private static Map<String, Object> time(SqlEngine engine, Path data, Path later) {
        return time(engine, data, later, null);
    }

    /**
     * Seconds per operation on one engine (an error's message where it failed), and with
     * {@code disk} the server's bytes: the most during the operation and a minute after it.
     */
    private static Map<String, Object> time(SqlEngine engine, Path data, Path later, ServerDisk disk) {
        Map<String, Object> seconds = new LinkedHashMap<>();
        try (Workspace ws = new Workspace(engine, data.getParent())) {
            long start = System.nanoTime();
            ws.query("SELECT * FROM " + engine.dialect().readParquet(data.toString()), "data");
            ws.query("SELECT * FROM " + engine.dialect().readParquet(later.toString()), "later");
            seconds.put("load both", (System.nanoTime() - start) / 1e9);
            Interpreter interpreter = new Interpreter(ws);
            for (Map.Entry<String, String> op : OPERATIONS.entrySet()) {
                List<Statement> statements = Parser.parse(op.getValue());
                long t0 = System.nanoTime();
                try {
                    for (Statement statement : statements) {
                        interpreter.run(statement);
                    }
                    seconds.put(op.getKey(), (System.nanoTime() - t0) / 1e9);
                } catch (RuntimeException e) {
                    seconds.put(op.getKey(), "failed: " + e.getMessage());
                }
                if (disk != null) {
                    // Not in the time: the server's cleaner runs every minute (spark/serve).
                    sleep(65);
                    seconds.put(op.getKey() + PEAK, (double) disk.resetPeak());
                    seconds.put(op.getKey() + AFTER, (double) disk.now());
                    System.err.printf(Locale.ROOT, "  server disk: at most %,d bytes, %,d a minute after%n",
                            ((Double) seconds.get(op.getKey() + PEAK)).longValue(), ((Double) seconds.get(op.getKey() + AFTER)).longValue());
                }
                System.err.printf(Locale.ROOT, "%s: %s %s%n", engine.getClass().getSimpleName(), op.getKey(), seconds.get(op.getKey()));
            }
        }
        return seconds;
    }

    private static void sleep(int seconds) {
        try {
            Thread.sleep(seconds * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Process serve(int cores, Path local) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new ProcessBuilder("spark/serve", "--port", String.valueOf(port), "--master", "local[" + cores + "]",
                "--driver-memory", "8g", "--conf", "spark.local.dir=" + local).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String location(Process server) throws IOException {
        String ready = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (ready == null || !ready.contains("sc://")) {
            throw new IOException("spark/serve did not start: " + ready);
        }
        return ready.substring(ready.indexOf("sc://"), ready.lastIndexOf('\''));
    }
}
