package dev.assay.kernel.protocol;

import dev.assay.kernel.exec.CellError;
import dev.assay.kernel.exec.ExecuteOutcome;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.Execution;
import dev.assay.kernel.exec.History;
import dev.assay.kernel.exec.InputSource;
import dev.assay.kernel.exec.OutputSink;
import dev.assay.kernel.java.Completion;
import dev.assay.viz.MimeBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An execution with no JShell: a cell {@code fail ...} fails, {@code ask PROMPT} reads a line
 * and prints it, any other cell has itself, upper-cased, as its result. Records what the
 * protocol asked of it.
 */
final class FakeExecution implements Execution {

    final List<ExecuteRequest> executed = new ArrayList<>();
    final History history = new History();
    int interrupts;
    int count;
    /** What the next complete() returns. */
    Completion completion = new Completion(List.of(), 0, 0);
    RuntimeException failOnComplete;

    @Override
    public ExecuteOutcome execute(ExecuteRequest request, OutputSink sink, InputSource input) {
        executed.add(request);
        OutputSink out = request.silent() ? OutputSink.DISCARD : sink;
        if (request.storeHistory()) {
            count++;
            history.add(count, request.code(), null);
        }
        out.started(count, request.code());
        String code = request.code();
        if (code.startsWith("fail")) {
            CellError error = new CellError("FakeError", code, List.of("FakeError: " + code, "at line 1"));
            out.error(error);
            return new ExecuteOutcome(count, error, Map.of());
        }
        if (code.startsWith("ask ")) {
            try {
                out.stream("stdout", input.readLine(code.substring(4), false));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ExecuteOutcome(count, null, Map.of());
        }
        out.executeResult(count, MimeBundle.text(code.toUpperCase()));
        Map<String, ExecuteOutcome.ExpressionValue> expressions = new LinkedHashMap<>();
        request.userExpressions().forEach((name, expression) -> expressions.put(name, expression.startsWith("fail")
                ? new ExecuteOutcome.ExpressionValue(null, CellError.of("FakeError", expression))
                : new ExecuteOutcome.ExpressionValue(MimeBundle.text(expression.toUpperCase()), null)));
        return new ExecuteOutcome(count, null, expressions);
    }

    @Override
    public Completion complete(String code, int cursor) {
        if (failOnComplete != null) {
            throw failOnComplete;
        }
        return completion;
    }

    @Override
    public Optional<String> inspect(String code, int cursor) {
        return code.startsWith("known") ? Optional.of("about " + code.substring(0, cursor)) : Optional.empty();
    }

    @Override
    public String completeness(String code) {
        return code.strip().endsWith("{") ? "incomplete" : "complete";
    }

    @Override
    public int executionCount() {
        return count;
    }

    @Override
    public History history() {
        return history;
    }

    @Override
    public void interrupt() {
        interrupts++;
    }
}
