import com.sun.management.OperatingSystemMXBean;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExecuteOutcome;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.viz.RendererRegistry;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A long session: N cells through the executor, as a notebook grows. Prints, at checkpoints,
 * the mean wall time and process CPU time per cell of the last cells run (CPU time, all of the
 * process's threads, is the figure to compare on a shared, busy machine), the heap after a full
 * GC and the resident memory (VmRSS). {@code bench/run LongSession [CELLS] [CHECKPOINT...]}, by default 5000 cells
 * with checkpoints at 1, 1000, 2000 and 5000.
 *
 * <p>The cells cycle through what notebooks do: re-run a cell that declares one of 20
 * variables (a redefinition), print, evaluate an expression (the result a notebook shows),
 * and every fourth cell declare a new variable (so user declarations grow too, as they do).
 */
public final class LongSession {

    /** Cells timed for each checkpoint's mean: the ones just before it. */
    private static final int WINDOW = 50;

    public static void main(String[] args) throws IOException {
        int cells = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        TreeSet<Integer> checkpoints = new TreeSet<>();
        for (int i = 1; i < args.length; i++) {
            checkpoints.add(Integer.parseInt(args[i]));
        }
        if (checkpoints.isEmpty()) {
            checkpoints.addAll(List.of(WINDOW, 1000, 2000, 5000));
        }
        checkpoints.removeIf(c -> c > cells);
        checkpoints.add(cells);
        // The executor captures System.out for its cells (and discards it here): report to the real one.
        PrintStream report = System.out;
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams, Workspace.embedded())) {
            report.printf(Locale.ROOT, "%8s %14s %14s %12s %10s%n", "cells", "ms per cell", "CPU ms/cell",
                    "heap MB", "RSS MB");
            OperatingSystemMXBean os =
                    (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long windowNanos = 0;
            long windowCpu = 0;
            int windowCells = 0;
            for (int i = 1; i <= cells; i++) {
                long start = System.nanoTime();
                long cpuStart = os.getProcessCpuTime();
                ExecuteOutcome outcome = executor.execute(ExecuteRequest.of(cell(i)), OutputSink.DISCARD);
                long took = System.nanoTime() - start;
                long cpu = os.getProcessCpuTime() - cpuStart;
                if (outcome.error() != null) {
                    throw new IllegalStateException("cell " + i + " failed: " + outcome.error().evalue());
                }
                Integer next = checkpoints.ceiling(i);
                if (next != null && i > next - WINDOW) {
                    windowNanos += took;
                    windowCpu += cpu;
                    windowCells++;
                }
                if (checkpoints.contains(i)) {
                    System.gc();
                    long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                    report.printf(Locale.ROOT, "%8d %14.1f %14.1f %12d %10d%n", i, windowNanos / 1e6 / windowCells,
                            windowCpu / 1e6 / windowCells, heap >> 20, Measure.procStatusKilobytes("VmRSS") / 1024);
                    windowNanos = 0;
                    windowCpu = 0;
                    windowCells = 0;
                }
            }
        }
    }

    private static String cell(int i) {
        return switch (i % 4) {
            case 0 -> "int k" + i + " = " + i + ";";
            case 1 -> "int v" + (i % 20) + " = " + i + " * 2;";
            case 2 -> "System.out.println(\"cell " + i + "\");";
            default -> "java.util.stream.IntStream.range(0, 100).map(x -> x * " + (i % 7) + ").sum()";
        };
    }
}
