package dev.assay.kernel.exec;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.api.DisplayHandle;
import dev.assay.kernel.api.NotebookBackend;
import dev.assay.kernel.exec.magic.Magic;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.java.Completion;
import dev.assay.kernel.java.JavaEvaluator;
import dev.assay.kernel.java.JavaResult;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.RendererRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs cells, one at a time, on one thread: the single place where code is executed, shared
 * by the ZeroMQ kernel and the headless runner. JShell starts on that thread as soon as the
 * executor exists (the kernel: as soon as its sockets are bound), so its start overlaps with
 * the client's handshake.
 */
public final class CellExecutor implements Execution, AutoCloseable, NotebookBackend {

    private final RendererRegistry renderers;
    private final StreamCapture streams;
    private final MagicRegistry magics = MagicRegistry.withBuiltins();
    private final Workspace workspace = Workspace.embedded();
    private final History history = new History();
    private final ExecutorService worker;
    private final Future<JavaEvaluator> java;
    private volatile OutputSink current = OutputSink.DISCARD;
    private volatile InputSource currentInput = InputSource.unavailable("no cell is running");
    private volatile boolean interruptRequested;
    /** The raw text of a headless run's parameters ({@code -p NAME=VALUE}), for {@code $NAME}. */
    private volatile Map<String, String> parameters = Map.of();
    private int executionCount;
    /** Draws the progress bars of long operations (one daemon thread for the whole session). */
    private final java.util.concurrent.ScheduledExecutorService progressTicker =
            Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "assay-progress");
                t.setDaemon(true);
                return t;
            });
    /** A headless run's stderr, where progress bars are drawn too; null in the kernel. */
    private volatile ProgressView consoleProgress;

    public CellExecutor(RendererRegistry renderers, StreamCapture streams) {
        this(renderers, streams, CompletableFuture.completedFuture(null));
    }

    /**
     * An executor whose JShell starts once {@code javaMayStart} completes. The kernel holds it
     * back until its sockets are bound: on two cores, JShell's first compilation otherwise
     * competes with the kernel's own start for the CPU and delays the first kernel_info_reply.
     */
    public CellExecutor(RendererRegistry renderers, StreamCapture streams, CompletionStage<?> javaMayStart) {
        this.renderers = renderers;
        this.streams = streams;
        // Attached before JShell starts: its start-up snippet defines `assay` from it.
        NotebookBackend.attach(this);
        ExitGuard.install(streams.log());
        System.setIn(new StdinStream(() -> currentInput));
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "assay-executor");
            t.setDaemon(true);
            return t;
        });
        this.java = worker.submit(() -> {
            javaMayStart.toCompletableFuture().join();
            JavaEvaluator evaluator = JavaEvaluator.start(streams.log());
            evaluator.warmUp();
            return evaluator;
        });
    }

    /** Runs one cell with no one to ask for input. */
    public ExecuteOutcome execute(ExecuteRequest request, OutputSink sink) {
        return execute(request, sink, InputSource.unavailable("nobody can answer it here"));
    }

    /** Runs one cell and returns when all its output has been handed to {@code sink}. */
    public ExecuteOutcome execute(ExecuteRequest request, OutputSink sink, InputSource input) {
        return onWorker(() -> run(request, sink, input));
    }

    /** Sets the run's parameters, which {@code $NAME} in {@code %%assay} cells stands for. */
    public void setParameters(Map<String, String> values) {
        parameters = Map.copyOf(values);
    }

    /**
     * Also draws progress bars on {@code stream} (a headless run's stderr), redrawn in place
     * when it is a terminal, else as a line every few seconds.
     */
    public void showProgressOn(java.io.PrintStream stream, boolean terminal) {
        consoleProgress = new ConsoleProgressView(stream, terminal);
    }

    /** Stops the running cell, if any; called from the control thread. */
    public void interrupt() {
        interruptRequested = true;
        workspace.cancel();
        if (java.isDone()) {
            evaluator().stop();
        }
    }

    public Completion complete(String code, int cursor) {
        Optional<Completion> magic = MagicCompletion.complete(magics, code, cursor);
        return magic.orElseGet(() -> onWorker(() -> DataCellAssist.complete(code, cursor, workspace)
                .orElseGet(() -> evaluator().complete(code, cursor))));
    }

    public Optional<String> inspect(String code, int cursor) {
        return onWorker(() -> DataCellAssist.inspect(code, cursor, workspace)
                .orElseGet(() -> evaluator().inspect(code, cursor)));
    }

    public String completeness(String code) {
        if (MagicCellCompleteness.appliesTo(code)) {
            return MagicCellCompleteness.of(code);
        }
        return onWorker(() -> evaluator().completeness(code));
    }

    public History history() {
        return history;
    }

    public int executionCount() {
        return onWorker(() -> executionCount);
    }

    private ExecuteOutcome run(ExecuteRequest request, OutputSink sink, InputSource input) {
        interruptRequested = false;
        workspace.resetCancel();
        currentInput = request.allowStdin() ? input
                : InputSource.unavailable("the client does not allow input (allow_stdin is false)");
        OutputSink out = new OrderedSink(request.silent() ? OutputSink.DISCARD : sink);
        int count = request.storeHistory() ? ++executionCount : executionCount;
        current = out;
        streams.bind(out);
        if (!request.silent()) {
            sink.started(count, request.code());
        }
        Cell cell = new Cell(out, "Cell In[" + count + "]", count);
        CellError error;
        ExitGuard.cellStarted();
        try {
            error = cell.run(request.code());
        } catch (Throwable t) {
            error = internalError(t);
        } finally {
            ExitGuard.cellEnded();
        }
        if (error == null && interruptRequested) {
            error = new CellError("InterruptedException", "the cell was interrupted",
                    List.of("Interrupted: " + cell.label() + " was stopped by an interrupt request."));
        }
        streams.flush();
        if (error != null) {
            out.error(error);
        }
        // As IPython: user expressions are evaluated only after a cell that succeeded.
        Map<String, ExecuteOutcome.ExpressionValue> expressions = error == null ? evaluateUserExpressions(request.userExpressions()) : Map.of();
        if (request.storeHistory()) {
            history.add(count, request.code(), cell.resultText);
        }
        streams.flush();
        return new ExecuteOutcome(count, error, expressions);
    }

    private Map<String, ExecuteOutcome.ExpressionValue> evaluateUserExpressions(Map<String, String> expressions) {
        Map<String, ExecuteOutcome.ExpressionValue> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            JavaResult r = evaluator().eval(e.getValue(), "user expression '" + e.getKey() + "'");
            results.put(e.getKey(), r.error() != null
                    ? new ExecuteOutcome.ExpressionValue(null, r.error())
                    : new ExecuteOutcome.ExpressionValue(renderers.render(r.value()), null));
        }
        return results;
    }

    /** One running cell: magics first, then Java. */
    private final class Cell implements CellContext {
        private final OutputSink out;
        private final String label;
        private final int count;
        private MimeBundle pendingResult;
        private String resultText;

        Cell(OutputSink out, String label, int count) {
            this.out = out;
            this.label = label;
            this.count = count;
        }

        @Override
        public OutputSink out() {
            return out;
        }

        @Override
        public String label() {
            return label;
        }

        /** Runs the cell; its result is shown last, after whatever a magic printed about it. */
        CellError run(String code) throws Exception {
            CellError error = dispatch(code);
            if (error == null && pendingResult != null && !interruptRequested) {
                resultText = pendingResult.plainText();
                out.executeResult(count, pendingResult);
            }
            return error;
        }

        private CellError dispatch(String code) throws Exception {
            Optional<CellMagicLine> cellMagic = CellMagicLine.of(code);
            if (cellMagic.isPresent()) {
                return runMagic(cellMagic.get().line(), cellMagic.get().body(code), true);
            }
            String rest = code;
            String stripped = rest.stripLeading();
            // Leading %name lines are line magics; Java never starts a line with %.
            while (stripped.startsWith("%")) {
                int eol = stripped.indexOf('\n');
                String line = eol < 0 ? stripped : stripped.substring(0, eol);
                CellError error = runMagic(line, null, false);
                if (error != null) {
                    return error;
                }
                rest = eol < 0 ? "" : stripped.substring(eol + 1);
                stripped = rest.stripLeading();
            }
            return rest.isBlank() ? null : runJava(rest);
        }

        private CellError runMagic(String line, String body, boolean cellMagic) throws Exception {
            String[] parts = line.strip().split("\\s+", 2);
            Optional<Magic> magic = magics.find(parts[0]);
            if (magic.isEmpty()) {
                return magics.unknown(parts[0]);
            }
            return magic.get().run(parts.length > 1 ? parts[1] : "", body, this);
        }

        @Override
        public OperationProgress progress(String what) {
            return startProgress(out, what, false);
        }

        @Override
        public CellError runJava(String code) {
            JavaResult result;
            // A Java cell gets a bar only while it waits on a query (dataset operations from Java).
            try (OperationProgress progress = startProgress(out, OperationProgress.describe(code), true)) {
                result = evaluator().eval(code, label);
                if (result.error() == null) {
                    progress.succeeded();
                }
            }
            for (String note : result.notes()) {
                out.stream("stderr", "note: " + note + "\n");
            }
            if (result.error() != null) {
                if (result.thrown() instanceof CheckFailedException failed) {
                    display(failed.result()); // every rule's value first, as %%assay shows it
                }
                return result.error();
            }
            if (result.hasValue() && !(result.value() instanceof DisplayHandle)) {
                result(result.value());
            }
            return null;
        }

        @Override
        public void result(Object value) {
            pendingResult = renderers.render(value);
        }

        @Override
        public void display(Object value) {
            out.display(renderers.render(value), null);
        }

        @Override
        public Workspace workspace() {
            return workspace;
        }

        @Override
        public Optional<String> parameter(String name) {
            String given = parameters.get(name);
            return given != null ? Optional.of(given) : evaluator().variableText(name);
        }

        @Override
        public void addToClasspath(java.nio.file.Path path) {
            evaluator().addToClasspath(path);
        }
    }

    private OperationProgress startProgress(OutputSink out, String what, boolean onlyWhileQuerying) {
        ProgressView console = consoleProgress;
        ProgressView display = new DisplayProgressView(out);
        return OperationProgress.start(progressTicker, what, workspace::queryProgress,
                console == null ? display : ProgressView.both(display, console), onlyWhileQuerying);
    }

    // NotebookBackend: display calls from cell code go to the running cell's output.

    @Override
    public String display(Object value) {
        String id = UUID.randomUUID().toString();
        current.display(renderers.render(value), id);
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        current.updateDisplay(renderers.render(value), displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        current.clearOutput(wait);
    }

    @Override
    public String readInput(String prompt, boolean password) throws InterruptedException {
        streams.flush(); // the prompt must come after what the cell printed before asking
        return currentInput.readLine(prompt, password);
    }

    @Override
    public RendererRegistry renderers() {
        return renderers;
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }

    @Override
    public void close() {
        progressTicker.shutdownNow();
        workspace.close();
        worker.shutdownNow();
        if (java.isDone()) {
            evaluator().close();
        }
    }

    private JavaEvaluator evaluator() {
        try {
            return java.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while JShell starts", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("JShell failed to start: " + e.getCause(), e.getCause());
        }
    }

    private <T> T onWorker(Callable<T> task) {
        try {
            return worker.submit(task).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the executor", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    private static CellError internalError(Throwable t) {
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        return new CellError(t.getClass().getName(), message,
                List.of("Internal error in the Assay kernel (the session is intact):", trace.toString()));
    }

    /** Delivers pending stdout/stderr before any other output, so outputs keep the order they were made in. */
    private final class OrderedSink implements OutputSink {
        private final OutputSink target;

        OrderedSink(OutputSink target) {
            this.target = target;
        }

        @Override
        public void stream(String name, String text) {
            streams.flush();
            target.stream(name, text);
        }

        @Override
        public void display(MimeBundle bundle, String displayId) {
            streams.flush();
            target.display(bundle, displayId);
        }

        @Override
        public void updateDisplay(MimeBundle bundle, String displayId) {
            streams.flush();
            target.updateDisplay(bundle, displayId);
        }

        @Override
        public void clearOutput(boolean wait) {
            streams.flush();
            target.clearOutput(wait);
        }

        @Override
        public void executeResult(int executionCount, MimeBundle bundle) {
            streams.flush();
            target.executeResult(executionCount, bundle);
        }

        @Override
        public void error(CellError error) {
            streams.flush();
            target.error(error);
        }
    }
}
