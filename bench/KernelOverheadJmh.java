// JMH refuses benchmark classes in the default package (its generated classes live in a
// subpackage and must see this one), so unlike the other bench/*.java this one has a package.
// KernelOverhead.java (default package) runs it and turns the result into a BenchRow.
package dev.assay.bench;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExecuteOutcome;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.viz.RendererRegistry;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jdk.jshell.JShell;
import jdk.jshell.SnippetEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the kernel adds on top of JShell for one cell, in process, without sockets: the
 * executor's handling of {@code 1+1} (splitting, evaluation, rendering of the result, output
 * ordering) against a bare in-process JShell evaluating the same snippet. Each benchmark runs
 * in its own forked JVM with its own state. Forks, warm-up and measurement iterations are set
 * by {@code KernelOverhead}.
 *
 * <p>The state is made afresh for every iteration, not once per trial: every {@code 1+1}
 * leaves a variable ({@code $1}, {@code $2}, ...) that JShell imports into each later
 * snippet, so an evaluation costs more the more snippets the shell holds (about 20 ms of CPU
 * at 100 snippets, 60 ms at 1,200 on the 2-core machine; dropping each snippet keeps it flat
 * at 10 ms). With one shell per trial, a timed iteration would measure wherever in that
 * growth it happens to be, and the faster side, having evaluated more snippets, would be
 * timed on a fuller shell. A fresh shell per iteration times both sides on the first few
 * dozen snippets of a session, while the JIT warmth of the fork carries over from the
 * warm-up iterations. Making the state is not timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KernelOverheadJmh {

    public static final String SNIPPET = "1+1";

    /** A bare JShell running snippets in this JVM, as the kernel's does. */
    @State(Scope.Benchmark)
    public static class BareShell {
        JShell shell;

        @Setup(Level.Iteration)
        public void start() {
            shell = JShell.builder().executionEngine("local").build();
            // The executor starts its JShell with one snippet evaluated and dropped, so that
            // no cell pays for the first evaluation; the same here.
            shell.drop(shell.eval("String.valueOf(1 + 1)").get(0).snippet());
        }

        @TearDown(Level.Iteration)
        public void stop() {
            shell.close();
        }
    }

    /** The kernel's cell executor with the process streams captured, its output thrown away. */
    @State(Scope.Benchmark)
    public static class Executor {
        StreamCapture streams;
        CellExecutor executor;

        @Setup(Level.Iteration)
        public void start() {
            streams = StreamCapture.install();
            executor = new CellExecutor(RendererRegistry.withDefaults(), streams, Workspace.embedded());
            // JShell starts on the executor's thread; this waits for it (and its warm-up
            // snippet) so the first timed cell does not.
            executor.executionCount();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            executor.close();
            streams.close();
        }
    }

    @Benchmark
    public ExecuteOutcome executor(Executor state) {
        return state.executor.execute(ExecuteRequest.of(SNIPPET), OutputSink.DISCARD);
    }

    @Benchmark
    public List<SnippetEvent> bareJShell(BareShell state) {
        return state.shell.eval(SNIPPET);
    }
}
