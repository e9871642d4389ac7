package dev.assay.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.java.Completion;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The protocol layer alone: shell and control handlers driven through a fake transport
 * against a fake execution, no sockets and no JShell. The same requests over real ZeroMQ
 * sockets are in {@link KernelServerTest}.
 */
class ProtocolHandlersTest {

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private FakeTransport transport;
    private FakeExecution execution;
    private KernelServer server;

    @BeforeEach
    void start() {
        transport = new FakeTransport();
        execution = new FakeExecution();
        server = new KernelServer(transport, execution, new PrintStream(logged, true, StandardCharsets.UTF_8));
        server.start();
        transport.sent.clear(); // the "starting" status
    }

    @Test
    void startingStatusIsPublishedWithoutParent() {
        FakeTransport fresh = new FakeTransport();
        new KernelServer(fresh, new FakeExecution(), System.err).start();
        assertEquals(List.of("iopub:status"), kinds(fresh.sent()));
        assertEquals("starting", fresh.sent().get(0).message().content().path("execution_state").asText());
        assertTrue(fresh.sent().get(0).message().parentHeader().isEmpty());
    }

    @Test
    void executeRequestPublishesBusyInputResultIdleAroundItsReply() {
        Message request = execute("1 + 1");
        transport.onShell(request);

        assertEquals(List.of("iopub:status", "iopub:execute_input", "iopub:execute_result", "shell:execute_reply",
                "iopub:status"), kinds(transport.sent()));
        List<FakeTransport.Sent> sent = transport.sent();
        assertEquals("busy", sent.get(0).message().content().path("execution_state").asText());
        assertEquals("idle", sent.get(4).message().content().path("execution_state").asText());
        assertEquals("1 + 1", sent.get(1).message().content().path("code").asText());
        assertEquals(1, sent.get(1).message().content().path("execution_count").asInt());
        ObjectNode result = sent.get(2).message().content();
        assertEquals("1 + 1".toUpperCase(), result.path("data").path("text/plain").asText());
        assertEquals(1, result.path("execution_count").asInt());
        ObjectNode reply = sent.get(3).message().content();
        assertEquals("ok", reply.path("status").asText());
        assertEquals(1, reply.path("execution_count").asInt());
        assertTrue(reply.path("payload").isArray());
        assertTrue(reply.path("user_expressions").isObject());
        for (FakeTransport.Sent s : sent) {
            assertEquals(request.id(), s.message().parentHeader().path("msg_id").asText(),
                    s.channel() + " " + s.type() + " has the execute_request as its parent");
        }
        assertEquals("client-1", new String(sent.get(3).message().identities().get(0), StandardCharsets.UTF_8),
                "the reply is routed back to the client that asked");
    }

    @Test
    void executionCountComesFromTheExecutionAndSkipsUnstoredCells() {
        transport.onShell(execute("a"));
        transport.onShell(request("execute_request", Json.object().put("code", "b").put("store_history", false)));
        transport.onShell(execute("c"));
        List<Integer> counts = replies("execute_reply").stream()
                .map(r -> r.content().path("execution_count").asInt()).toList();
        assertEquals(List.of(1, 1, 2), counts);
        assertFalse(execution.executed.get(1).storeHistory());
    }

    @Test
    void silentExecutionPublishesOnlyStatus() {
        transport.onShell(request("execute_request", Json.object().put("code", "quiet").put("silent", true)));
        assertEquals(List.of("iopub:status", "shell:execute_reply", "iopub:status"), kinds(transport.sent()));
    }

    @Test
    void failedCellPublishesOneErrorAndRepliesWithIt() {
        transport.onShell(execute("fail here"));

        assertEquals(List.of("iopub:status", "iopub:execute_input", "iopub:error", "shell:execute_reply",
                "iopub:status"), kinds(transport.sent()));
        ObjectNode error = transport.sent().get(2).message().content();
        assertEquals("FakeError", error.path("ename").asText());
        assertEquals("fail here", error.path("evalue").asText());
        assertEquals(List.of("FakeError: fail here", "at line 1"),
                Json.MAPPER.convertValue(error.path("traceback"), List.class));
        ObjectNode reply = transport.sent().get(3).message().content();
        assertEquals("error", reply.path("status").asText());
        assertEquals("FakeError", reply.path("ename").asText());
        assertEquals(error.path("traceback"), reply.path("traceback"));
        assertEquals(1, reply.path("execution_count").asInt());
    }

    @Test
    void failedCellAbortsTheExecutionsQueuedBehindItButServesOtherRequests() {
        Message queuedCell = execute("never run");
        Message queuedInfo = request("kernel_info_request", Json.object());
        transport.queuedOnShell.add(queuedCell);
        transport.queuedOnShell.add(queuedInfo);

        transport.onShell(execute("fail now"));

        assertEquals(1, execution.executed.size(), "the queued cell never reaches the execution");
        Message aborted = replyTo(queuedCell);
        assertEquals("execute_reply", aborted.type());
        assertEquals("aborted", aborted.content().path("status").asText());
        assertEquals(1, aborted.content().path("execution_count").asInt());
        assertEquals("ok", replyTo(queuedInfo).content().path("status").asText());
        assertEquals("kernel_info_reply", replyTo(queuedInfo).type());
    }

    @Test
    void withoutStopOnErrorQueuedCellsAreLeftToRun() {
        transport.queuedOnShell.add(execute("later"));
        transport.onShell(request("execute_request", Json.object().put("code", "fail").put("stop_on_error", false)));
        assertEquals(1, transport.queuedOnShell.size(), "nothing taken from the queue");
        assertEquals(1, replies("execute_reply").size());
    }

    @Test
    void userExpressionsAreAnsweredInTheReply() {
        ObjectNode content = Json.object().put("code", "x");
        content.putObject("user_expressions").put("good", "y").put("bad", "fail z");
        transport.onShell(request("execute_request", content));

        ObjectNode expressions = (ObjectNode) replies("execute_reply").get(0).content().path("user_expressions");
        assertEquals("ok", expressions.path("good").path("status").asText());
        assertEquals("Y", expressions.path("good").path("data").path("text/plain").asText());
        assertFalse(expressions.path("good").has("transient"));
        assertEquals("error", expressions.path("bad").path("status").asText());
        assertEquals("FakeError", expressions.path("bad").path("ename").asText());
    }

    @Test
    void inputIsAskedOnStdinOnBehalfOfTheCell() {
        transport.inputAnswer = "Ada";
        Message request = request("execute_request", Json.object().put("code", "ask name? ").put("allow_stdin", true));
        transport.onShell(request);

        FakeTransport.Sent asked = transport.sent().stream().filter(s -> s.channel().equals("stdin")).findFirst()
                .orElseThrow();
        assertEquals("input_request", asked.type());
        assertEquals("name? ", asked.message().content().path("prompt").asText());
        assertFalse(asked.message().content().path("password").asBoolean());
        assertEquals(request.id(), asked.message().parentHeader().path("msg_id").asText());
        FakeTransport.Sent printed = transport.sent().stream().filter(s -> s.type().equals("stream")).findFirst()
                .orElseThrow();
        assertEquals("Ada", printed.message().content().path("text").asText());
    }

    @Test
    void completeReplyCountsCursorsInCodePoints() {
        String code = "\uD83D\uDE00 ab";  // an emoji: two chars, one code point
        execution.completion = new Completion(List.of("abs", "abc"), 3, 5); // char indexes of "ab"
        transport.onShell(request("complete_request", Json.object().put("code", code).put("cursor_pos", 4)));

        ObjectNode reply = replies("complete_reply").get(0).content();
        assertEquals("ok", reply.path("status").asText());
        assertEquals(List.of("abs", "abc"), Json.MAPPER.convertValue(reply.path("matches"), List.class));
        assertEquals(2, reply.path("cursor_start").asInt());
        assertEquals(4, reply.path("cursor_end").asInt());
        assertTrue(reply.path("metadata").isObject());
    }

    @Test
    void inspectReplySaysWhetherSomethingWasFound() {
        transport.onShell(request("inspect_request", Json.object().put("code", "known name").put("cursor_pos", 5)));
        transport.onShell(request("inspect_request", Json.object().put("code", "other").put("cursor_pos", 2)));

        List<Message> replies = replies("inspect_reply");
        assertTrue(replies.get(0).content().path("found").asBoolean());
        assertEquals("about known", replies.get(0).content().path("data").path("text/plain").asText());
        assertFalse(replies.get(1).content().path("found").asBoolean());
        assertTrue(replies.get(1).content().path("data").isEmpty());
        assertEquals("ok", replies.get(1).content().path("status").asText());
    }

    @Test
    void isCompleteReplyOffersTheNextIndentWhenIncomplete() {
        transport.onShell(request("is_complete_request", Json.object().put("code", "  if (x) {")));
        transport.onShell(request("is_complete_request", Json.object().put("code", "x;")));

        List<Message> replies = replies("is_complete_reply");
        assertEquals("incomplete", replies.get(0).content().path("status").asText());
        assertEquals("      ", replies.get(0).content().path("indent").asText());
        assertEquals("complete", replies.get(1).content().path("status").asText());
        assertFalse(replies.get(1).content().has("indent"));
    }

    @Test
    void historyReplyListsTheExecutionsHistory() {
        transport.onShell(execute("first"));
        transport.onShell(execute("second"));
        transport.onShell(request("history_request", Json.object().put("hist_access_type", "tail").put("n", 1)));

        ObjectNode reply = replies("history_reply").get(0).content();
        assertEquals("ok", reply.path("status").asText());
        assertEquals(1, reply.path("history").size());
        assertEquals("second", reply.path("history").get(0).get(2).asText());
        assertEquals(2, reply.path("history").get(0).get(1).asInt());
    }

    @Test
    void aRequestThatFailsGetsAnErrorReplyAndTheKernelGoesOn() {
        execution.failOnComplete = new IllegalStateException("completion broke");
        transport.onShell(request("complete_request", Json.object().put("code", "x").put("cursor_pos", 1)));
        transport.onShell(execute("still here"));

        assertEquals(List.of("iopub:status", "shell:complete_reply", "iopub:status"),
                kinds(transport.sent()).subList(0, 3));
        ObjectNode reply = replies("complete_reply").get(0).content();
        assertEquals("error", reply.path("status").asText());
        assertEquals("completion broke", reply.path("evalue").asText());
        assertEquals("ok", replies("execute_reply").get(0).content().path("status").asText());
    }

    @Test
    void unknownShellMessagesAreIgnoredButStillBusyAndIdle() {
        transport.onShell(request("no_such_request", Json.object()));
        assertEquals(List.of("iopub:status", "iopub:status"), kinds(transport.sent()));
        assertTrue(logged.toString(StandardCharsets.UTF_8).contains("no_such_request"));
    }

    @Test
    void commOpenIsClosedAtOnce() {
        transport.onShell(request("comm_open", Json.object().put("comm_id", "c-1").put("target_name", "t")));
        FakeTransport.Sent close = transport.sent().get(1);
        assertEquals("iopub:comm_close", close.channel() + ":" + close.type());
        assertEquals("c-1", close.message().content().path("comm_id").asText());
    }

    @Test
    void interruptOnControlReachesTheExecution() {
        Message request = request("interrupt_request", Json.object());
        transport.onControl(request);

        assertEquals(1, execution.interrupts);
        assertEquals(List.of("iopub:status", "control:interrupt_reply", "iopub:status"), kinds(transport.sent()));
        assertEquals("ok", transport.sent().get(1).message().content().path("status").asText());
        for (FakeTransport.Sent s : transport.sent()) {
            assertEquals(request.id(), s.message().parentHeader().path("msg_id").asText());
        }
    }

    @Test
    void kernelInfoOnControl() {
        transport.onControl(request("kernel_info_request", Json.object()));
        Message reply = transport.sent().get(1).message();
        assertEquals("kernel_info_reply", reply.type());
        assertEquals(Message.PROTOCOL_VERSION, reply.content().path("protocol_version").asText());
        assertEquals("java", reply.content().path("language_info").path("name").asText());
    }

    @Test
    void shutdownOnControlRepliesInterruptsAndEndsServingWithRestart() throws InterruptedException {
        transport.onControl(request("shutdown_request", Json.object().put("restart", true)));

        Message reply = transport.sent().get(1).message();
        assertEquals("shutdown_reply", reply.type());
        assertTrue(reply.content().path("restart").asBoolean());
        assertEquals(1, execution.interrupts);
        assertTrue(transport.stopped);
        assertTrue(server.awaitShutdown(), "the restart flag reaches whoever waits");
        assertFalse(server.failed());
    }

    @Test
    void shutdownOnShellEndsServingWithoutRestart() throws InterruptedException {
        transport.onShell(request("shutdown_request", Json.object().put("restart", false)));
        assertEquals("shutdown_reply", replies("shutdown_reply").get(0).type());
        assertFalse(server.awaitShutdown());
        assertTrue(transport.stopped);
    }

    @Test
    void aTransportThatFailsEndsServingAndSaysSo() throws InterruptedException {
        transport.fail();
        assertFalse(server.awaitShutdown());
        assertTrue(server.failed());
        assertEquals(1, execution.interrupts);
        server.close();
        assertTrue(transport.closed);
    }

    private static Message execute(String code) {
        return request("execute_request", Json.object().put("code", code));
    }

    private static Message request(String type, ObjectNode content) {
        return FakeTransport.request(type, content);
    }

    private List<Message> replies(String type) {
        return transport.sent().stream().filter(s -> !s.channel().equals("iopub") && s.type().equals(type))
                .map(FakeTransport.Sent::message).toList();
    }

    private Message replyTo(Message request) {
        return transport.sent().stream().filter(s -> !s.channel().equals("iopub"))
                .map(FakeTransport.Sent::message)
                .filter(m -> m.parentHeader().path("msg_id").asText().equals(request.id()))
                .findFirst().orElseThrow(() -> new AssertionError("no reply to " + request.type()));
    }

    private static List<String> kinds(List<FakeTransport.Sent> sent) {
        return sent.stream().map(s -> s.channel() + ":" + s.type()).toList();
    }
}
