import dev.assay.dsl.engine.Column;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import dev.assay.viz.report.ReportPage;
import dev.assay.viz.report.ReportRenderer;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The child JVM of the wide benchmark (WideBench starts it, one per table width, and again
 * after a crash or a timeout): loads the table and its shifted copy, then times the named
 * operations one after the other, printing a protocol line before and after each, so that
 * the parent knows which one a crash or a hang belongs to.
 *
 *   java WideRunner WIDE.parquet MOVED.parquet REPEAT_UNDER_SECONDS OP...
 *   java WideRunner WIDE.parquet MOVED.parquet 0 memory
 *
 * An Assay operation is timed as the kernel runs a statement, without the transport: parse,
 * run (compute), and turn the result into its MIME bundle (render); a report's page is also
 * written. A baseline is one SQL statement whose rows are fetched. An operation whose first
 * run takes less than REPEAT_UNDER_SECONDS is run three more times and the median of those
 * is kept (the first run is then the warm-up); a slower one is timed once.
 * {@code memory} instead profiles the table alone and reports the peak resident memory.
 */
public final class WideRunner {

    /** The prefix of every protocol line on stdout; anything else there is the libraries' own output. */
    static final String PREFIX = "WIDE\t";
    private static final PrintStream OUT = System.out;

    private final Workspace ws;
    private final Interpreter interpreter;
    private final RendererRegistry renderers = RendererRegistry.withDefaults();
    private final WideOps.Columns columns;
    private int run;

    private WideRunner(Workspace ws) {
        this.ws = ws;
        this.interpreter = new Interpreter(ws);
        List<Column> schema = ws.dataset("wide").schema();
        this.columns = new WideOps.Columns(schema.stream().map(Column::name).toList(),
                schema.stream().filter(c -> c.type().equals("DOUBLE")).map(Column::name).toList());
    }

    public static void main(String[] args) throws Exception {
        double repeatUnder = Double.parseDouble(args[2]);
        List<String> ops = Arrays.asList(args).subList(3, args.length);
        try (Workspace ws = Workspace.embedded()) {
            long start = System.nanoTime();
            ws.load(args[0], "wide", Map.of());
            if (ops.equals(List.of("memory"))) {
                memory(ws, seconds(start));
                return;
            }
            ws.load(args[1], "moved", Map.of());
            emit("READY", String.format(Locale.ROOT, "%.3f", seconds(start)));
            WideRunner runner = new WideRunner(ws);
            for (String op : ops) {
                runner.time(WideOps.named(op), repeatUnder);
            }
        }
    }

    private void time(WideOps.Op op, double repeatUnder) {
        emit("START", op.name());
        try {
            prepare(op);
            double[] first = once(op);
            double[] kept = first;
            int runs = 1;
            if (first[0] + first[1] < repeatUnder) {
                double[][] timed = {once(op), once(op), once(op)};
                Arrays.sort(timed, (a, b) -> Double.compare(a[0] + a[1], b[0] + b[1]));
                kept = timed[1];
                runs = 3;
            }
            emit("DONE", op.name(), String.format(Locale.ROOT, "%.6f", kept[0]), String.format(Locale.ROOT, "%.6f", kept[1]),
                    Integer.toString(runs));
        } catch (Throwable e) { // an OutOfMemoryError too: the parent records it and goes on
            emit("FAIL", op.name(), firstLine(e));
        }
    }

    /** What an operation reads besides the two tables, made before it is timed. */
    private void prepare(WideOps.Op op) {
        if (op.name().equals("leakage") && !ws.datasets().contains("part80")) {
            ws.query("SELECT * FROM wide WHERE id % 5 <> 0", "part80");
            ws.query("SELECT * FROM wide WHERE id % 5 = 0", "part20");
        }
    }

    /** One run: {compute seconds, render seconds}. */
    private double[] once(WideOps.Op op) throws Exception {
        String text = op.text().apply(columns);
        if (!op.assay()) {
            long start = System.nanoTime();
            ws.engine().smallResult(text);
            return new double[] {seconds(start), 0};
        }
        Path store = Path.of("store-" + run++).toAbsolutePath();
        if (op.name().equals("pin")) {
            ws.useStore(store.toString()); // a fresh store: every run fingerprints, writes a snapshot and a version
        }
        long start = System.nanoTime();
        Object result;
        double compute;
        try {
            result = interpreter.run(Parser.parse(text).get(0));
            compute = seconds(start);
        } finally {
            Measure.deleteTree(store); // snapshots of wide tables are large: keep the disk for the next run
        }
        start = System.nanoTime();
        if (result instanceof QualityReport report && report.file() != null) {
            MimeBundle shown = new ReportRenderer().render(report); // as the kernel does: drawn once, shown and written
            ReportPage.write(report, shown);
        } else {
            renderers.render(result);
        }
        return new double[] {compute, seconds(start)};
    }

    /**
     * The profile of the table alone, in a fresh JVM: the peak resident memory of the process
     * while it profiles. Linux resets the peak (VmHWM) when 5 is written to clear_refs, so the
     * peak of loading the table is reported apart; where that is refused, the peak covers both.
     */
    private static void memory(Workspace ws, double loadSeconds) throws Exception {
        long afterLoad = Measure.procStatusKilobytes("VmHWM");
        boolean reset;
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
            reset = true;
        } catch (IOException e) {
            reset = false;
        }
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            ws.dataset("wide").profile();
        } catch (Throwable e) {
            outcome = firstLine(e);
        }
        emit("MEMORY", Long.toString(afterLoad / 1024), Long.toString(Measure.procStatusKilobytes("VmHWM") / 1024),
                Long.toString(Measure.peakHeapBytes() >> 20), String.format(Locale.ROOT, "%.3f", seconds(start)),
                Boolean.toString(reset), String.format(Locale.ROOT, "%.3f", loadSeconds), outcome);
    }

    /** The error as a user would read it first: its kind and the first line of its message. */
    static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? "" : e.getMessage().strip().lines().findFirst().orElse("");
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void emit(String... fields) {
        synchronized (OUT) {
            OUT.println(PREFIX + String.join("\t", Arrays.stream(fields).map(f -> f.replaceAll("[\t\r\n]", " ")).toList()));
            OUT.flush();
        }
    }
}
