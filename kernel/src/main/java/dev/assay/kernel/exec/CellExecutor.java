package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.api.NotebookBackend;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.extension.SessionExtensions;
import dev.assay.kernel.java.Completion;
import dev.assay.viz.RendererRegistry;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs cells, one at a time, on one thread: the single place where code is executed, shared
 * by the ZeroMQ kernel and the headless runner. This class is the thread and its queue, and
 * the way in for interrupts; what a cell means is {@link CellRunner}'s, help while typing
 * {@link CodeAssist}'s. JShell starts on that thread as soon as the executor exists (the
 * kernel: as soon as its sockets are bound), so its start overlaps with the client's handshake.
 * See docs/architecture.md for how a cell gets here from a socket or a notebook file.
 */
public final class CellExecutor implements Execution, AutoCloseable {

    private final Workspace workspace;
    private final ExecutionThread thread = new ExecutionThread();
    private final JavaSession java;
    private final ProgressBars progressBars;
    private final CellRunner cells;
    private final CodeAssist assist;

    /** An executor whose cells use {@code workspace}; it closes the workspace when it closes. */
    public CellExecutor(RendererRegistry renderers, StreamCapture streams, Workspace workspace) {
        this(renderers, streams, workspace, CompletableFuture.completedFuture(null));
    }

    /**
     * An executor whose JShell starts once {@code javaMayStart} completes (see {@link JavaSession}).
     * The workspace is chosen by whoever creates the kernel; the executor closes it when it closes.
     */
    public CellExecutor(RendererRegistry renderers, StreamCapture streams, Workspace workspace,
            CompletionStage<?> javaMayStart) {
        this(SessionExtensions.withBuiltIns(renderers), streams, workspace, javaMayStart);
    }

    /**
     * An executor whose magics and renderers are those of {@code extensions} (found when the
     * kernel started, and again after {@code %classpath add} and {@code %maven}).
     */
    public CellExecutor(SessionExtensions extensions, StreamCapture streams, Workspace workspace,
            CompletionStage<?> javaMayStart) {
        this.workspace = workspace;
        MagicRegistry magics = extensions.magics();
        RendererRegistry renderers = extensions.renderers();
        NotebookApiBackend notebook = new NotebookApiBackend(renderers, workspace, streams);
        // Attached before JShell starts: its start-up snippet defines `assay` from it.
        NotebookBackend.attach(notebook);
        ExitGuard.install(streams.log());
        System.setIn(new StdinStream(notebook::currentInput));
        this.java = new JavaSession(thread, javaMayStart, streams.log());
        this.progressBars = new ProgressBars(workspace);
        this.cells = new CellRunner(new CellServices(extensions, java, workspace, progressBars), streams,
                notebook);
        this.assist = new CodeAssist(magics, workspace, java);
    }

    /** Runs one cell with no one to ask for input. */
    public ExecuteOutcome execute(ExecuteRequest request, OutputSink sink) {
        return execute(request, sink, InputSource.unavailable("nobody can answer it here"));
    }

    /** Runs one cell and returns when all its output has been handed to {@code sink}. */
    @Override
    public ExecuteOutcome execute(ExecuteRequest request, OutputSink sink, InputSource input) {
        return thread.call(() -> cells.run(request, sink, input));
    }

    /** Sets the run's parameters, which {@code $NAME} in {@code %%assay} cells stands for. */
    public void setParameters(Map<String, String> values) {
        cells.setParameters(values);
    }

    /**
     * Also draws progress bars on {@code stream} (a headless run's stderr), redrawn in place
     * when it is a terminal, else as a line every few seconds.
     */
    public void showProgressOn(PrintStream stream, boolean terminal) {
        progressBars.showOn(stream, terminal);
    }

    /** Stops the running cell, if any; called from the control thread (or a run's timer), not queued. */
    @Override
    public void interrupt() {
        cells.interrupt();
    }

    @Override
    public Completion complete(String code, int cursor) {
        return assist.magicCompletion(code, cursor).orElseGet(() -> thread.call(() -> assist.complete(code, cursor)));
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        return thread.call(() -> assist.inspect(code, cursor));
    }

    @Override
    public String completeness(String code) {
        return assist.magicCompleteness(code).orElseGet(() -> thread.call(() -> assist.completeness(code)));
    }

    @Override
    public History history() {
        return cells.history();
    }

    @Override
    public int executionCount() {
        return thread.call(cells::executionCount);
    }

    @Override
    public void close() {
        progressBars.close();
        workspace.close();
        thread.close();
        java.close();
    }
}
