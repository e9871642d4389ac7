package dev.assay.kernel.exec;

import dev.assay.kernel.install.SparkJvmFlags;
import dev.assay.kernel.java.JavaResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What running a cell means, apart from the thread it runs on: its execution count, where its
 * outputs and input go, how it ends (error, interrupt), the user expressions evaluated after
 * it, and its history entry. Called on the execution thread only, except {@link #interrupt}.
 */
final class CellRunner {

    private final CellServices session;
    private final StreamCapture streams;
    private final NotebookApiBackend notebook;
    private final History history = new History();
    private volatile boolean interruptRequested;
    /** The raw text of a headless run's parameters ({@code -p NAME=VALUE}), for {@code $NAME}. */
    private volatile Map<String, String> parameters = Map.of();
    private int executionCount;

    CellRunner(CellServices session, StreamCapture streams, NotebookApiBackend notebook) {
        this.session = session;
        this.streams = streams;
        this.notebook = notebook;
    }

    ExecuteOutcome run(ExecuteRequest request, OutputSink sink, InputSource input) {
        interruptRequested = false;
        session.workspace().resetCancel();
        OutputSink out = new OrderedSink(request.silent() ? OutputSink.DISCARD : sink, streams);
        int count = request.storeHistory() ? ++executionCount : executionCount;
        notebook.cellStarted(out, request.allowStdin() ? input
                : InputSource.unavailable("the client does not allow input (allow_stdin is false)"));
        streams.bind(out);
        if (!request.silent()) {
            sink.started(count, request.code());
        }
        RunningCell cell = new RunningCell(out, count, session, parameters, () -> interruptRequested);
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
        Map<String, ExecuteOutcome.ExpressionValue> expressions = error == null
                ? evaluateUserExpressions(request.userExpressions()) : Map.of();
        if (request.storeHistory()) {
            history.add(count, request.code(), cell.resultText());
        }
        streams.flush();
        return new ExecuteOutcome(count, error, expressions);
    }

    /** Stops the running cell, if any: its query, its Java; called from another thread. */
    void interrupt() {
        interruptRequested = true;
        session.workspace().cancel();
        session.java().stop();
    }

    void setParameters(Map<String, String> values) {
        parameters = Map.copyOf(values);
    }

    int executionCount() {
        return executionCount;
    }

    History history() {
        return history;
    }

    private Map<String, ExecuteOutcome.ExpressionValue> evaluateUserExpressions(Map<String, String> expressions) {
        Map<String, ExecuteOutcome.ExpressionValue> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : expressions.entrySet()) {
            JavaResult r = session.java().evaluator().eval(e.getValue(), "user expression '" + e.getKey() + "'");
            results.put(e.getKey(), r.error() != null
                    ? new ExecuteOutcome.ExpressionValue(null, r.error())
                    : new ExecuteOutcome.ExpressionValue(session.renderers().render(r.value()), null));
        }
        return results;
    }

    private static CellError internalError(Throwable t) {
        // Spark's client in a JVM without its flags: the user's fix is a restart with them, not a bug report.
        var missingFlags = SparkJvmFlags.explain(t);
        if (missingFlags.isPresent()) {
            return CellError.of("SparkJvmFlagsMissing", missingFlags.get());
        }
        StringWriter trace = new StringWriter();
        t.printStackTrace(new PrintWriter(trace));
        String message = t.getMessage() == null ? t.toString() : t.getMessage();
        return new CellError(t.getClass().getName(), message,
                List.of("Internal error in the Assay kernel (the session is intact):", trace.toString()));
    }
}
