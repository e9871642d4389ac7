import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Java side of the wide-data benchmark (issue 21): tables of 100, 1,000 and 10,000
 * columns (WideData), every Assay operation and its DuckDB baselines (WideOps) timed on each,
 * then the peak resident memory of a profile of the widest with a 512 MB heap. Each width runs
 * in a child JVM (WideRunner) watched by this one (WideChild): an operation that crashes the
 * JVM or passes its timeout is recorded as failed and the next one runs in a fresh child, so
 * one failure does not end the benchmark. Writes its measurements as JSON, for
 * bench/python/wide_table.py to join with polars' and print.
 *
 *   java WideBench DATA_DIR OUT.json [--quick] [--widths 100,1000] [--ops profile,drift,memory] [--timeout SECONDS]
 *
 * --quick keeps the widths and cuts the rows (20,000; 2,000 for 10,000 columns); --timeout is
 * per operation (default 600 s), and also bounds loading the tables in a child. The memory of
 * the widest profile is measured when the operations include profile, or "memory" alone.
 */
public final class WideBench {

    /** Operations whose first run is shorter than this are run three more times (the median kept). */
    private static final double REPEAT_UNDER_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        List<String> flags = Arrays.asList(args);
        boolean quick = flags.contains("--quick");
        List<Integer> widths = option(flags, "--widths", "100,1000,10000").stream().map(Integer::parseInt).toList();
        List<String> ops = option(flags, "--ops", WideOps.ALL.stream().map(WideOps.Op::name).collect(Collectors.joining(",")));
        boolean memory = ops.contains("profile") || ops.contains("memory"); // "memory": the peak RSS of the profile alone
        ops = ops.stream().filter(op -> !op.equals("memory")).toList();
        ops.forEach(WideOps::named); // a misspelt name fails here, not after the data is made
        long timeoutSeconds = Long.parseLong(option(flags, "--timeout", "600").get(0));
        String heap = System.getenv().getOrDefault("ASSAY_BENCH_HEAP", "512m");
        Files.createDirectories(dataDir);
        Path work = dataDir.resolve("wide-work"); // the children's working folders: stores, pages, logs
        Measure.deleteTree(work);
        Files.createDirectories(work);

        Map<String, Object> run = new LinkedHashMap<>();
        run.put("quick", quick);
        run.put("heap", heap);
        run.put("timeout_seconds", timeoutSeconds);
        run.put("load_before", loadAverage());
        List<Object> results = new ArrayList<>();
        for (int width : widths) {
            long rows = rows(width, quick);
            Path wide = WideData.file(dataDir, width, rows, false);
            Path moved = WideData.file(dataDir, width, rows, true);
            generate(width, rows, wide, moved);
            System.out.printf(Locale.ROOT, "%n==== %,d columns (+ id) x %,d rows, %,d cells; load %s ====%n", width, rows,
                    rows * (width + 1), loadAverage());
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("width", width);
            table.put("columns", width + 1);
            table.put("rows", rows);
            table.put("file", wide.toString());
            table.put("moved", moved.toString());
            Path scratch = Files.createDirectories(work.resolve(width + "-cols"));
            table.put("ops", new WideSupervisor(heap, scratch, timeoutSeconds, rows * (width + 1))
                    .measure(wide, moved, ops, REPEAT_UNDER_SECONDS));
            if (width == widths.stream().mapToInt(Integer::intValue).max().orElseThrow() && memory) {
                table.put("memory", new WideSupervisor("512m", scratch, timeoutSeconds, rows * (width + 1))
                        .profileMemory(wide, moved));
            }
            results.add(table);
            write(out, run, results); // after each width: a run stopped later still leaves what it measured
        }
        System.out.println("\nwrote " + out);
    }

    private static void write(Path out, Map<String, Object> run, List<Object> results) throws IOException {
        run.put("load_after", loadAverage());
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("run", run);
        document.put("widths", results);
        Files.writeString(out, WideJson.write(document) + "\n");
    }

    /** The rows of a width: 100,000 for 100 and 1,000 columns, 10,000 for 10,000 (the issue's); a fifth with --quick. */
    static long rows(int width, boolean quick) {
        long rows = width >= 10_000 ? 10_000L : 100_000L;
        return quick ? rows / 5 : rows;
    }

    private static void generate(int width, long rows, Path wide, Path moved) {
        if (Files.exists(wide) && Files.exists(moved)) {
            return;
        }
        try (Workspace ws = Workspace.embedded()) {
            for (Path file : List.of(wide, moved)) {
                long start = System.nanoTime();
                WideData.write(ws, width, rows, file == moved, file);
                System.out.printf(Locale.ROOT, "generated %s in %.1f s%n", file.getFileName(), (System.nanoTime() - start) / 1e9);
            }
        }
    }

    private static List<String> option(List<String> flags, String name, String fallback) {
        int at = flags.indexOf(name);
        String value = at >= 0 && at + 1 < flags.size() ? flags.get(at + 1) : fallback;
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The machine's load averages (1, 5, 15 minutes) as uptime shows them: the machine is shared. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
