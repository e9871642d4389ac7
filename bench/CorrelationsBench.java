import dev.assay.dsl.correlations.Correlations;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.RendererRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue 25's correlations benchmark, Assay's side: {@code correlations corr using METHOD} on
 * DuckDB over a numeric table of 10 and of 1,000 columns with the same rows (the narrow
 * table is the first 10 columns of the wide one), timed as the kernel runs a statement:
 * parsed, run (compute), and turned into its MIME bundle (render). The figure that matters
 * is seconds per pair of columns, which must not grow from 10 to 1,000 columns; pandas'
 * {@code DataFrame.corr} on the same Parquet files is timed after this by
 * bench/python/pandas_corr.py, which writes the table.
 *
 *   bench/run CorrelationsBench [--quick] [--rows N] [--widths 10,1000] [--methods pearson,spearman]
 *
 * Run alone: {@code java ... CorrelationsBench DATA_DIR OUT.json [the options above]}.
 *
 * <p>Data ({@link #write}): DOUBLE columns {@code x0, x1, ...} computed from the row number,
 * the column number and a seed; in every tenth column ({@code x3, x13, ...}) 5% of the cells
 * are NULL, so pairwise complete rows differ per pair for a fifth of the pairs (pandas'
 * Spearman ranks every pair with a NaN again, which took over 20 minutes at 1,000 columns of
 * 10,000 rows when every column had NULLs); every fifth column is a noisy linear function of
 * the column before it, so some pairs are strong, and every tenth one is monotone but not
 * linear in it (Spearman above Pearson). Written once as Parquet under DATA_DIR and reused.
 *
 * <p>Timing: a run whose compute and render take under {@link #REPEAT_UNDER} seconds is
 * repeated three more times and the median kept (the first run is the warm-up); a slower one
 * is timed once. The JSON also says how many pairs came back with a value, so that a
 * placeholder computation (every value null) shows in the table.
 */
public final class CorrelationsBench {

    static final long SEED = 20261207L;
    static final double REPEAT_UNDER = 10;

    private CorrelationsBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> options = Arrays.asList(args).subList(2, args.length);
        boolean quick = options.contains("--quick");
        long rows = Long.parseLong(option(options, "--rows", quick ? "10000" : "20000"));
        List<Integer> widths = Arrays.stream(option(options, "--widths", "10,1000").split(",")).map(Integer::parseInt).toList();
        List<String> methods = Arrays.asList(option(options, "--methods", "pearson,spearman").split(","));
        Files.createDirectories(dataDir);
        int widest = widths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> tables = new ArrayList<>();
        try (Workspace ws = Workspace.embedded()) {
            Path wide = file(dataDir, widest, rows);
            if (!Files.exists(wide)) {
                write(ws, widest, rows, wide);
            }
            for (int width : widths) {
                Path f = file(dataDir, width, rows);
                if (!Files.exists(f)) { // the same rows: the first columns of the widest table
                    ws.sql("COPY (SELECT " + columns(width) + " FROM read_parquet('" + sqlString(wide) + "')) TO '"
                            + sqlString(f) + "' (FORMAT parquet, COMPRESSION zstd)", null);
                }
                ws.load(f.toString(), "corr", Map.of());
                List<String> timed = new ArrayList<>();
                for (String method : methods) {
                    timed.add(time(ws, method, width));
                }
                tables.add(String.format(Locale.ROOT, "{\"file\": %s, \"width\": %d, \"rows\": %d, \"pairs\": %d, \"methods\": [%s]}",
                        BenchRow.quote(f.toAbsolutePath().toString()), width, rows, pairs(width), String.join(", ", timed)));
            }
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, "{\"engine\": \"duckdb\", \"tables\": [\n  " + String.join(",\n  ", tables) + "\n]}\n");
        System.out.println("CorrelationsBench: wrote " + out);
    }

    /** One method on the loaded table: {"method", "compute_seconds", "render_seconds", "runs", "pairs_with_value"}. */
    private static String time(Workspace ws, String method, int width) {
        Interpreter interpreter = new Interpreter(ws);
        RendererRegistry renderers = RendererRegistry.withDefaults();
        String statement = "correlations corr using " + method;
        double[][] runs = {once(interpreter, renderers, statement)};
        if (runs[0][0] + runs[0][1] < REPEAT_UNDER) {
            runs = new double[][] {once(interpreter, renderers, statement), once(interpreter, renderers, statement),
                once(interpreter, renderers, statement)};
            Arrays.sort(runs, (a, b) -> Double.compare(a[0] + a[1], b[0] + b[1]));
        }
        double[] kept = runs[runs.length / 2];
        System.out.printf(Locale.ROOT, "%-9s %,6d columns: compute %.3f s, render %.3f s, %,d of %,d pairs with a value%n",
                method, width, kept[0], kept[1], (long) kept[2], pairs(width));
        return String.format(Locale.ROOT, "{\"method\": \"%s\", \"compute_seconds\": %.6f, \"render_seconds\": %.6f, \"runs\": %d, "
                + "\"pairs_with_value\": %d}", method, kept[0], kept[1], runs.length, (long) kept[2]);
    }

    /** {compute seconds, render seconds, pairs with a value}. */
    private static double[] once(Interpreter interpreter, RendererRegistry renderers, String statement) {
        long start = System.nanoTime();
        Correlations result = (Correlations) interpreter.run(Parser.parse(statement).get(0));
        double compute = (System.nanoTime() - start) / 1e9;
        start = System.nanoTime();
        renderers.render(result);
        return new double[] {compute, (System.nanoTime() - start) / 1e9, result.pairs().size()};
    }

    static long pairs(int width) {
        return (long) width * (width - 1) / 2;
    }

    static Path file(Path dataDir, int width, long rows) {
        return dataDir.resolve(String.format(Locale.ROOT, "corr-%d-cols-%d-rows.parquet", width, rows));
    }

    /** Writes the numeric table of {@code width} columns (see the class comment) as Parquet. */
    static void write(Workspace ws, int width, long rows, Path file) {
        StringBuilder select = new StringBuilder("SELECT ");
        for (int k = 0; k < width; k++) {
            String base = String.format(Locale.ROOT, "(CAST(hash(i, %d, %d) %% 1000000 AS DOUBLE) / 1e6)", k, SEED);
            String noise = String.format(Locale.ROOT, "(CAST(hash(i, %d, %d) %% 1000000 AS DOUBLE) / 1e6 - 0.5)", k + 100_000, SEED);
            String previous = String.format(Locale.ROOT, "(CAST(hash(i, %d, %d) %% 1000000 AS DOUBLE) / 1e6)", k - 1, SEED);
            String value = k % 10 == 9 ? "exp(3 * " + previous + ") + 0.05 * " + noise
                    : k % 5 == 4 ? "2 * " + previous + " + 0.1 * " + noise : base;
            String cell = k % 10 == 3 ? String.format(Locale.ROOT, "CASE WHEN hash(i, %d, %d) %% 20 = 0 THEN NULL ELSE %s END",
                    k + 200_000, SEED, value) : value;
            select.append(k == 0 ? "" : ", ").append(cell).append(" AS x").append(k);
        }
        select.append(" FROM range(").append(rows).append(") r(i) ORDER BY i");
        ws.sql("COPY (" + select + ") TO '" + sqlString(file) + "' (FORMAT parquet, COMPRESSION zstd)", null);
    }

    private static String columns(int width) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < width; k++) {
            names.add("x" + k);
        }
        return String.join(", ", names);
    }

    private static String sqlString(Path p) {
        return p.toString().replace("'", "''");
    }

    private static String option(List<String> options, String name, String fallback) {
        int i = options.indexOf(name);
        return i >= 0 && i + 1 < options.size() ? options.get(i + 1) : fallback;
    }
}
