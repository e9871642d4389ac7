import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.viz.RendererRegistry;
import java.util.Arrays;
import java.util.Locale;
import jdk.jshell.JShell;

/**
 * What the kernel adds on top of JShell for one cell, in this process, without sockets: the
 * executor's handling of {@code 1+1} (splitting, evaluation, rendering of the result, output
 * ordering) against a bare in-process JShell evaluating the same snippet.
 */
final class KernelOverhead {

    private static final String SNIPPET = "1+1";
    private static final double TARGET_MS = 2.0;

    private KernelOverhead() {
    }

    static BenchRow measure(int runs) {
        double bare;
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            bare = medianMillis(runs, () -> shell.eval(SNIPPET));
        }
        double kernel;
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams)) {
            kernel = medianMillis(runs, () -> executor.execute(ExecuteRequest.of(SNIPPET), OutputSink.DISCARD));
        }
        double overhead = kernel - bare;
        return new BenchRow("kernel", "one cell in process: executor vs bare JShell, median",
                "CellExecutor.execute(\"1+1\") (split, eval, render, ordered outputs) vs JShell.eval(\"1+1\"), local engine, "
                        + runs + " runs after 20 warm-up runs", kernel, bare, "bare JShell eval", "ms", "lower", null,
                String.format(Locale.ROOT, "overhead %.2f ms (target under %.0f ms: %s)", overhead, TARGET_MS,
                        overhead < TARGET_MS ? "met" : "MISSED"));
    }

    private static double medianMillis(int runs, Runnable work) {
        for (int i = 0; i < 20; i++) {
            work.run();
        }
        double[] t = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            t[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}
