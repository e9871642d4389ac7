package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Draws the progress bars of long operations in the running cell's output, and also on a
 * headless run's console. One daemon thread ticks every bar of the session.
 */
final class ProgressBars implements AutoCloseable {

    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "assay-progress");
        t.setDaemon(true);
        return t;
    });
    private final Workspace workspace;
    /** A headless run's stderr, where progress bars are drawn too; null in the kernel. */
    private volatile ProgressView console;

    ProgressBars(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Also draws on {@code stream}, redrawn in place when it is a terminal, else a line every few seconds. */
    void showOn(PrintStream stream, boolean terminal) {
        console = new ConsoleProgressView(stream, terminal);
    }

    /**
     * Starts the bar of one operation; with {@code onlyWhileQuerying} it shows only while the
     * workspace runs a query (a Java cell that may or may not touch data).
     */
    OperationProgress start(OutputSink out, String what, boolean onlyWhileQuerying) {
        ProgressView shownOn = console;
        ProgressView display = new DisplayProgressView(out);
        return OperationProgress.start(ticker, what, workspace::queryProgress,
                shownOn == null ? display : ProgressView.both(display, shownOn), onlyWhileQuerying);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
