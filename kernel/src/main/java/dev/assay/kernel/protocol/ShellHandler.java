package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.exec.ExecuteOutcome;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.Execution;
import dev.assay.kernel.exec.History;
import dev.assay.kernel.java.Completion;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Answers shell requests, one at a time, in the order they arrive. Every request is wrapped
 * in busy/idle status messages; a request that fails gets an error reply and the kernel goes on.
 */
final class ShellHandler {

    private final Execution executor;
    private final IopubChannel iopub;
    private final StdinChannel stdin;
    private final PrintStream log;
    private final Consumer<Boolean> shutdown;

    ShellHandler(Execution executor, IopubChannel iopub, StdinChannel stdin, PrintStream log,
            Consumer<Boolean> shutdown) {
        this.executor = executor;
        this.iopub = iopub;
        this.stdin = stdin;
        this.log = log;
        this.shutdown = shutdown;
    }

    /**
     * Answers one request. {@code queued} takes the requests that have already arrived behind
     * it: a failed cell with stop_on_error aborts exactly those, taken before its reply is
     * sent, so a request sent after the client saw the error is never aborted by mistake.
     */
    void handle(Message request, ReplyChannel replies, Supplier<List<Message>> queued) {
        List<Message> toAbort = List.of();
        iopub.status(request, "busy");
        try {
            toAbort = dispatch(request, replies, queued);
        } catch (RuntimeException e) {
            log.println("assay: " + request.type() + " failed: " + e);
            replies.reply(request, replyType(request.type()), errorReply(e));
        } finally {
            iopub.status(request, "idle");
        }
        for (Message waiting : toAbort) {
            abort(waiting, replies);
        }
    }

    /** An execute_request queued behind a failed cell is answered aborted; other requests are served. */
    private void abort(Message request, ReplyChannel replies) {
        if (!request.type().equals("execute_request")) {
            handle(request, replies, List::of);
            return;
        }
        iopub.status(request, "busy");
        ObjectNode content = Json.object().put("status", "aborted");
        content.put("execution_count", executor.executionCount());
        replies.reply(request, "execute_reply", content);
        iopub.status(request, "idle");
    }

    private List<Message> dispatch(Message request, ReplyChannel replies, Supplier<List<Message>> queued) {
        ObjectNode c = request.content();
        switch (request.type()) {
            case "kernel_info_request" -> replies.reply(request, "kernel_info_reply", KernelInfo.content());
            case "execute_request" -> {
                return execute(request, replies, queued);
            }
            case "complete_request" -> replies.reply(request, "complete_reply", complete(c));
            case "inspect_request" -> replies.reply(request, "inspect_reply", inspect(c));
            case "is_complete_request" -> replies.reply(request, "is_complete_reply", isComplete(c));
            case "history_request" -> replies.reply(request, "history_reply", history(c));
            case "comm_info_request" -> {
                ObjectNode content = Json.object().put("status", "ok");
                content.putObject("comms");
                replies.reply(request, "comm_info_reply", content);
            }
            case "comm_open" -> {
                // No comm targets yet: close it at once, as the spec asks of unknown targets.
                ObjectNode content = Json.object().put("comm_id", c.path("comm_id").asText());
                content.putObject("data");
                iopub.publish(request, "comm_close", content);
            }
            case "comm_msg", "comm_close" -> {
                // Nothing listens on comms; ignoring them is what the spec expects.
            }
            case "shutdown_request" -> {
                boolean restart = c.path("restart").asBoolean(false);
                replies.reply(request, "shutdown_reply", Json.object().put("status", "ok").put("restart", restart));
                executor.interrupt();
                shutdown.accept(restart);
            }
            default -> log.println("assay: ignoring unknown shell message type '" + request.type() + "'");
        }
        return List.of();
    }

    private List<Message> execute(Message request, ReplyChannel replies, Supplier<List<Message>> queued) {
        ObjectNode c = request.content();
        Map<String, String> expressions = new LinkedHashMap<>();
        c.path("user_expressions").properties().forEach(e -> expressions.put(e.getKey(), e.getValue().asText()));
        ExecuteRequest execute = new ExecuteRequest(
                c.path("code").asText(""),
                c.path("silent").asBoolean(false),
                c.path("store_history").asBoolean(true),
                expressions,
                c.path("allow_stdin").asBoolean(false),
                c.path("stop_on_error").asBoolean(true));
        ExecuteOutcome outcome = executor.execute(execute, new IopubSink(iopub, request),
                (prompt, password) -> stdin.request(request, prompt, password));
        ObjectNode content = Json.object();
        if (outcome.ok()) {
            content.put("status", "ok");
        } else {
            content.put("status", "error");
            content.setAll(IopubSink.errorContent(outcome.error()));
        }
        content.put("execution_count", outcome.executionCount());
        content.set("user_expressions", userExpressions(outcome.userExpressions()));
        content.putArray("payload");
        List<Message> toAbort = !outcome.ok() && execute.stopOnError() ? queued.get() : List.of();
        replies.reply(request, "execute_reply", content);
        return toAbort;
    }

    private static ObjectNode userExpressions(Map<String, ExecuteOutcome.ExpressionValue> values) {
        ObjectNode result = Json.object();
        values.forEach((name, value) -> {
            if (value.error() != null) {
                ObjectNode err = IopubSink.errorContent(value.error());
                err.put("status", "error");
                result.set(name, err);
            } else {
                ObjectNode ok = IopubSink.bundleContent(value.bundle(), null);
                ok.remove("transient");
                ok.put("status", "ok");
                result.set(name, ok);
            }
        });
        return result;
    }

    private ObjectNode complete(ObjectNode c) {
        String code = c.path("code").asText("");
        int cursor = CodePoints.toCharIndex(code, c.path("cursor_pos").asInt(code.codePointCount(0, code.length())));
        Completion completion = executor.complete(code, cursor);
        ObjectNode content = Json.object();
        ArrayNode matches = content.putArray("matches");
        completion.matches().forEach(matches::add);
        content.put("cursor_start", CodePoints.toCodePoints(code, completion.start()));
        content.put("cursor_end", CodePoints.toCodePoints(code, completion.end()));
        content.putObject("metadata");
        content.put("status", "ok");
        return content;
    }

    private ObjectNode inspect(ObjectNode c) {
        String code = c.path("code").asText("");
        int cursor = CodePoints.toCharIndex(code, c.path("cursor_pos").asInt(code.codePointCount(0, code.length())));
        Optional<String> text = executor.inspect(code, cursor);
        ObjectNode content = Json.object().put("status", "ok").put("found", text.isPresent());
        ObjectNode data = content.putObject("data");
        text.ifPresent(t -> data.put("text/plain", t));
        content.putObject("metadata");
        return content;
    }

    private ObjectNode isComplete(ObjectNode c) {
        String code = c.path("code").asText("");
        String status = executor.completeness(code);
        ObjectNode content = Json.object().put("status", status);
        if (status.equals("incomplete")) {
            content.put("indent", nextIndent(code));
        }
        return content;
    }

    /** The indentation a console should offer on the next line of incomplete code. */
    static String nextIndent(String code) {
        List<String> lines = code.lines().filter(l -> !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return "";
        }
        String last = lines.get(lines.size() - 1);
        String indent = last.substring(0, last.length() - last.stripLeading().length());
        String end = last.strip();
        return end.endsWith("{") || end.endsWith("(") ? indent + "    " : indent;
    }

    private ObjectNode history(ObjectNode c) {
        History history = executor.history();
        boolean output = c.path("output").asBoolean(false);
        List<History.Entry> entries = switch (c.path("hist_access_type").asText("tail")) {
            case "range" -> history.range(c.path("session").asInt(0), c.path("start").asInt(0), c.path("stop").asInt(0));
            case "search" -> history.search(c.path("pattern").asText("*"), c.path("n").asInt(0), c.path("unique").asBoolean(false));
            default -> history.tail(c.path("n").asInt(10));
        };
        ObjectNode content = Json.object().put("status", "ok");
        ArrayNode list = content.putArray("history");
        for (History.Entry e : entries) {
            ArrayNode row = list.addArray().add(e.session()).add(e.line());
            if (output) {
                row.addArray().add(e.input()).add(e.output());
            } else {
                row.add(e.input());
            }
        }
        return content;
    }

    static String replyType(String requestType) {
        return requestType.endsWith("_request")
                ? requestType.substring(0, requestType.length() - "_request".length()) + "_reply"
                : requestType + "_reply";
    }

    static ObjectNode errorReply(Exception e) {
        ObjectNode content = Json.object().put("status", "error");
        content.put("ename", e.getClass().getSimpleName());
        content.put("evalue", String.valueOf(e.getMessage()));
        content.putArray("traceback").add(e.toString());
        return content;
    }

}
