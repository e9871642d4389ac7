package dev.assay.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.FrameReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The kernel over real ZeroMQ sockets: protocol fields, hostile input, bursts and interrupts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KernelServerTest {

    private TestKernel kernel;
    private WireClient client;

    @BeforeAll
    void start() throws Exception {
        kernel = new TestKernel();
        client = new WireClient(kernel);
        client.awaitIopub();
    }

    @AfterAll
    void stop() {
        client.close();
        kernel.close();
    }

    /** Leftovers of a failed test must not be taken for this test's replies. */
    @BeforeEach
    void quietChannels() {
        client.drainIopub();
        while (client.receive(client.shell, 50) != null || client.receive(client.stdin, 50) != null) {
            // discard
        }
    }

    private static ObjectNode content() {
        return WireClient.JSON.createObjectNode();
    }

    /** A bad message followed by a good one: the first reply must answer the good one. */
    private void assertDroppedThenServed(List<byte[]> badFrames) {
        WireClient.sendFrames(client.shell, badFrames);
        String good = client.send(client.shell, "kernel_info_request", content());
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals(good, reply.parentId(), "the bad message got a reply or the good one none");
        assertEquals("kernel_info_reply", reply.type());
    }

    @Test
    void kernelInfoReplyCarriesEveryField() {
        String id = client.send(client.shell, "kernel_info_request", content());
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals(id, reply.parentId());
        JsonNode c = reply.content();
        assertEquals("ok", c.path("status").asText());
        assertEquals("5.4", c.path("protocol_version").asText());
        assertEquals("5.4", reply.header().path("version").asText());
        assertEquals("assay", c.path("implementation").asText());
        assertFalse(c.path("implementation_version").asText().isEmpty());
        assertFalse(c.path("banner").asText().isEmpty());
        assertFalse(c.path("debugger").asBoolean(true));
        JsonNode lang = c.path("language_info");
        assertEquals("java", lang.path("name").asText());
        assertTrue(lang.path("version").asText().startsWith(Runtime.version().feature() + "."), lang.toString());
        for (String field : List.of("mimetype", "file_extension", "pygments_lexer", "codemirror_mode", "nbconvert_exporter")) {
            assertFalse(lang.path(field).asText().isEmpty(), field);
        }
        List<WireClient.Msg> iopub = client.iopubFor(id);
        assertEquals("busy", iopub.get(0).content().path("execution_state").asText());
        assertEquals("idle", iopub.get(iopub.size() - 1).content().path("execution_state").asText());
    }

    @Test
    void badSignatureIsDropped() {
        List<byte[]> frames = client.frames(client.header("kernel_info_request"), content(), true);
        frames.set(1, client.hmac("forged".getBytes(StandardCharsets.UTF_8)).getBytes(StandardCharsets.US_ASCII));
        assertDroppedThenServed(frames);
    }

    @Test
    void missingSignatureIsDropped() {
        assertDroppedThenServed(client.frames(client.header("kernel_info_request"), content(), false));
    }

    @Test
    void signatureOverDifferentContentIsDropped() {
        List<byte[]> frames = client.frames(client.header("execute_request"), content().put("code", "1"), true);
        frames.set(5, "{\"code\":\"System.exit(0)\"}".getBytes(StandardCharsets.UTF_8));
        assertDroppedThenServed(frames);
    }

    @Test
    void malformedAndTruncatedFramesAreDropped() {
        List<byte[]> good = client.frames(client.header("kernel_info_request"), content(), true);
        assertDroppedThenServed(good.subList(0, 4)); // truncated after the header
        assertDroppedThenServed(good.subList(1, good.size())); // no delimiter
        assertDroppedThenServed(List.of("just one frame".getBytes(StandardCharsets.UTF_8)));
        byte[] h = "{\"msg_id\": \"x\", \"msg_type\": ".getBytes(StandardCharsets.UTF_8);
        byte[] e = "{}".getBytes(StandardCharsets.UTF_8);
        List<byte[]> brokenJson = new ArrayList<>();
        brokenJson.add("<IDS|MSG>".getBytes(StandardCharsets.UTF_8));
        brokenJson.add(client.hmac(h, e, e, e).getBytes(StandardCharsets.US_ASCII));
        brokenJson.addAll(List.of(h, e, e, e));
        assertDroppedThenServed(brokenJson);
    }

    @Test
    void unknownMessageTypeGetsNoReplyAndKernelGoesOn() {
        assertDroppedThenServed(client.frames(client.header("frobnicate_request"), content(), true));
    }

    @Test
    void burstOfAThousandRequestsIsAnsweredInOrder() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sent.add(client.send(client.shell, "is_complete_request", content().put("code", "int x = " + i + ";")));
        }
        List<String> answered = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            WireClient.Msg reply = client.reply(client.shell);
            assertEquals("complete", reply.content().path("status").asText());
            answered.add(reply.parentId());
        }
        assertEquals(sent, answered);
    }

    /** Heartbeat, shell and control each still answer. */
    private void assertEveryChannelAnswers() {
        heartbeatEchoes();
        String onShell = client.send(client.shell, "kernel_info_request", content());
        assertEquals(onShell, client.reply(client.shell).parentId());
        String onControl = client.send(client.control, "kernel_info_request", content());
        assertEquals(onControl, client.reply(client.control).parentId());
    }

    @Test
    void aFrameOverTheSizeLimitIsRefusedBeforeItIsRead() {
        // Its own connection, watched, so that the disconnect ZeroMQ gives an oversized frame is seen.
        ZMQ.Context context = ZMQ.context(1);
        try (ZMQ.Socket sender = context.socket(SocketType.DEALER); ZMQ.Socket events = context.socket(SocketType.PAIR)) {
            sender.setLinger(0);
            sender.monitor("inproc://oversized-frame", ZMQ.EVENT_DISCONNECTED);
            events.connect("inproc://oversized-frame");
            sender.connect(kernel.endpoint(kernel.info().shellPort()));
            // Signed, so that only its size can make the kernel refuse it: the big frame is a buffer.
            List<byte[]> frames = client.frames(client.header("kernel_info_request"), content(), true);
            frames.add(new byte[Math.toIntExact(FrameReader.MAX_MESSAGE_BYTES + (1 << 20))]);
            WireClient.sendFrames(sender, frames);
            events.setReceiveTimeOut((int) WireClient.TIMEOUT_MS);
            ZMQ.Event event = ZMQ.Event.recv(events);
            assertTrue(event != null && event.getEvent() == ZMQ.EVENT_DISCONNECTED,
                    "the kernel read a frame over the limit instead of refusing it");
        } finally {
            context.term();
        }
        assertEveryChannelAnswers();
    }

    @Test
    void aMessageOfSmallFramesOverTheSizeLimitIsDroppedWhole() {
        // Each frame is under ZeroMQ's per-frame limit; together they are over the message limit.
        List<byte[]> frames = client.frames(client.header("kernel_info_request"), content(), true);
        byte[] buffer = new byte[Math.toIntExact(FrameReader.MAX_MESSAGE_BYTES / 3 + 1)];
        for (int i = 0; i < 3; i++) {
            frames.add(buffer);
        }
        assertDroppedThenServed(frames);
        assertDroppedThenServed(manyFrames(FrameReader.MAX_FRAMES + 1));
        assertEveryChannelAnswers();
    }

    private List<byte[]> manyFrames(int count) {
        List<byte[]> frames = client.frames(client.header("kernel_info_request"), content(), true);
        while (frames.size() < count) {
            frames.add(new byte[0]);
        }
        return frames;
    }

    @Test
    void heartbeatEchoes() {
        byte[] ping = "ping-123".getBytes(StandardCharsets.UTF_8);
        client.heartbeat.send(ping, 0);
        client.heartbeat.setReceiveTimeOut((int) WireClient.TIMEOUT_MS);
        assertArrayEquals(ping, client.heartbeat.recv(0));
    }

    @Test
    void executePublishesInputOutputAndResultBeforeIdle() {
        String id = client.execute("System.out.println(\"hi\");\nSystem.err.println(\"oops\");\n6 * 7");
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("ok", reply.content().path("status").asText());
        int count = reply.content().path("execution_count").asInt();
        assertTrue(reply.content().path("user_expressions").isObject());
        assertTrue(reply.content().path("payload").isArray());
        List<WireClient.Msg> iopub = client.iopubFor(id);
        List<String> types = iopub.stream().map(WireClient.Msg::type).collect(Collectors.toList());
        assertEquals(List.of("status", "execute_input", "stream", "stream", "execute_result", "status"), types);
        assertEquals(count, iopub.get(1).content().path("execution_count").asInt());
        assertEquals("hi\n", iopub.get(2).content().path("text").asText());
        assertEquals("stdout", iopub.get(2).content().path("name").asText());
        assertEquals("stderr", iopub.get(3).content().path("name").asText());
        assertEquals("42", iopub.get(4).content().path("data").path("text/plain").asText());
        assertEquals(count, iopub.get(4).content().path("execution_count").asInt());
    }

    @Test
    void errorIsOneMessageAndTheReplySaysError() {
        String id = client.execute("throw new IllegalStateException(\"boom\");");
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("error", reply.content().path("status").asText());
        assertEquals("java.lang.IllegalStateException", reply.content().path("ename").asText());
        assertEquals("boom", reply.content().path("evalue").asText());
        List<WireClient.Msg> errors = client.iopubFor(id).stream().filter(m -> m.type().equals("error")).toList();
        assertEquals(1, errors.size());
    }

    @Test
    void userExpressionsAreEvaluatedAfterTheCell() {
        ObjectNode c = content().put("code", "int base = 40;").put("silent", false).put("store_history", true);
        c.putObject("user_expressions").put("answer", "base + 2").put("broken", "nope + 1");
        String id = client.send(client.shell, "execute_request", c);
        WireClient.Msg reply = client.reply(client.shell);
        client.iopubFor(id);
        JsonNode expressions = reply.content().path("user_expressions");
        assertEquals("ok", expressions.path("answer").path("status").asText());
        assertEquals("42", expressions.path("answer").path("data").path("text/plain").asText());
        assertEquals("error", expressions.path("broken").path("status").asText());
    }

    @Test
    void silentExecutionPublishesNothingButStatus() {
        ObjectNode c = content().put("code", "System.out.println(\"x\"); 5").put("silent", true);
        String id = client.send(client.shell, "execute_request", c);
        client.reply(client.shell);
        List<String> types = client.iopubFor(id).stream().map(WireClient.Msg::type).toList();
        assertEquals(List.of("status", "status"), types);
    }

    @Test
    void interruptStopsABusyLoopAndStateSurvives() {
        client.execute("int kept = 7;");
        client.reply(client.shell);
        String loop = client.execute("long n = 0; while (true) { n++; }");
        awaitBusy(loop);
        client.send(client.control, "interrupt_request", content());
        assertEquals("interrupt_reply", client.reply(client.control).type());
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals(loop, reply.parentId());
        assertEquals("error", reply.content().path("status").asText());
        assertTrue(reply.content().path("evalue").asText().contains("interrupted"), reply.content().toString());
        client.execute("kept * 6");
        WireClient.Msg next = client.reply(client.shell);
        assertEquals("ok", next.content().path("status").asText());
    }

    @Test
    void interruptStopsASleep() {
        String sleep = client.execute("Thread.sleep(600_000);");
        awaitBusy(sleep);
        client.send(client.control, "interrupt_request", content());
        client.reply(client.control);
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("error", reply.content().path("status").asText());
    }

    @Test
    void stopOnErrorAbortsTheQueuedRequests() {
        String failing = client.execute("Thread.sleep(300); throw new RuntimeException(\"first\");");
        String queued = client.execute("System.out.println(\"must not run\");");
        WireClient.Msg first = client.reply(client.shell);
        WireClient.Msg second = client.reply(client.shell);
        assertEquals(failing, first.parentId());
        assertEquals("error", first.content().path("status").asText());
        assertEquals(queued, second.parentId());
        assertEquals("aborted", second.content().path("status").asText());
        client.execute("1");
        assertEquals("ok", client.reply(client.shell).content().path("status").asText());
    }

    @Test
    void commOpenIsClosedPolitelyAndCommInfoIsEmpty() {
        String open = client.send(client.shell, "comm_open",
                content().put("comm_id", "c-1").put("target_name", "nobody"));
        List<WireClient.Msg> iopub = client.iopubFor(open);
        assertTrue(iopub.stream().anyMatch(m -> m.type().equals("comm_close")
                && m.content().path("comm_id").asText().equals("c-1")));
        client.send(client.shell, "comm_info_request", content());
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("comm_info_reply", reply.type());
        assertEquals(0, reply.content().path("comms").size());
    }

    @Test
    void completionAndInspectionCountCodePoints() {
        // An emoji is two UTF-16 units but one code point: the reply must count code points.
        String code = "int before = 1;\n\"\uD83D\uDE00\".toUpperCa";
        int cursor = code.codePointCount(0, code.length());
        client.send(client.shell, "complete_request", content().put("code", code).put("cursor_pos", cursor));
        JsonNode c = client.reply(client.shell).content();
        assertEquals("ok", c.path("status").asText());
        assertEquals(cursor, c.path("cursor_end").asInt());
        assertEquals(cursor - "toUpperCa".length(), c.path("cursor_start").asInt());
        assertTrue(c.path("matches").toString().contains("toUpperCase("), c.toString());
        client.send(client.shell, "inspect_request", content().put("code", "Math.max").put("cursor_pos", 8));
        JsonNode i = client.reply(client.shell).content();
        assertTrue(i.path("found").asBoolean());
        assertTrue(i.path("data").path("text/plain").asText().contains("int Math.max(int a, int b)"), i.toString());
    }

    @Test
    void dataCellsCompleteDatasetsAndColumnsAndInspectDatasets() {
        client.execute("%%sql reviews_for_completion\nSELECT 1 AS label, 'x' AS \"text\", 2 AS user_id");
        assertEquals("ok", client.reply(client.shell).content().path("status").asText());

        String code = "%%assay\nprofile reviews_for_comp";
        client.send(client.shell, "complete_request", content().put("code", code).put("cursor_pos", code.length()));
        JsonNode c = client.reply(client.shell).content();
        assertEquals("[\"reviews_for_completion\"]", c.path("matches").toString());
        assertEquals(code.length() - "reviews_for_comp".length(), c.path("cursor_start").asInt());

        String columns = "%%assay\nprofile reviews_for_completion on label, u";
        client.send(client.shell, "complete_request", content().put("code", columns).put("cursor_pos", columns.length()));
        assertEquals("[\"user_id\"]", client.reply(client.shell).content().path("matches").toString());

        String keyword = "%%assay\nprof";
        client.send(client.shell, "complete_request", content().put("code", keyword).put("cursor_pos", keyword.length()));
        assertEquals("[\"profile\"]", client.reply(client.shell).content().path("matches").toString());

        String inspect = "%%assay\nshow reviews_for_completion limit 3";
        client.send(client.shell, "inspect_request", content().put("code", inspect).put("cursor_pos", 14));
        JsonNode i = client.reply(client.shell).content();
        assertTrue(i.path("found").asBoolean(), i.toString());
        String text = i.path("data").path("text/plain").asText();
        assertTrue(text.startsWith("dataset reviews_for_completion: 1 rows, 3 columns"), text);
        assertTrue(text.contains("user_id  integer"), text);
    }

    @Test
    void historySearchRangeAndTailWithOutput() {
        client.execute("\"history-\" + 1");
        client.reply(client.shell);
        client.send(client.shell, "history_request", content().put("hist_access_type", "search")
                .put("pattern", "\"history-*").put("output", true).put("raw", true).put("n", 5));
        JsonNode h = client.reply(client.shell).content().path("history");
        assertTrue(h.size() >= 1);
        JsonNode last = h.get(h.size() - 1);
        assertEquals("\"history-\" + 1", last.get(2).get(0).asText());
        assertEquals("\"history-1\"", last.get(2).get(1).asText());
        int line = last.get(1).asInt();
        client.send(client.shell, "history_request", content().put("hist_access_type", "range")
                .put("session", last.get(0).asInt()).put("start", line).put("stop", line + 1)
                .put("output", false).put("raw", true));
        JsonNode range = client.reply(client.shell).content().path("history");
        assertEquals(1, range.size());
        assertEquals("\"history-\" + 1", range.get(0).get(2).asText());
    }

    @Test
    void systemInAsksTheClientThroughStdin() {
        String id = client.execute("String who = new Scanner(System.in).nextLine();\n\"hi \" + who", true);
        WireClient.Msg request = client.reply(client.stdin);
        assertEquals("input_request", request.type());
        assertEquals(id, request.parentId());
        assertFalse(request.content().path("password").asBoolean(true));
        client.send(client.stdin, "input_reply", content().put("value", "Ada"));
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("ok", reply.content().path("status").asText(), reply.content().toString());
        List<WireClient.Msg> iopub = client.iopubFor(id);
        assertTrue(iopub.stream().anyMatch(m -> m.type().equals("execute_result")
                && m.content().path("data").path("text/plain").asText().equals("\"hi Ada\"")), iopub.toString());
    }

    @Test
    void passwordsAreRequestedHidden() {
        client.execute("String secret = password(\"Token:\");\nsecret.length()", true);
        WireClient.Msg request = client.reply(client.stdin);
        assertEquals("Token:", request.content().path("prompt").asText());
        assertTrue(request.content().path("password").asBoolean());
        client.send(client.stdin, "input_reply", content().put("value", "s3cr3t"));
        assertEquals("ok", client.reply(client.shell).content().path("status").asText());
    }

    @Test
    void inputIsRefusedClearlyWhenTheClientDisallowsIt() {
        client.execute("new Scanner(System.in).nextLine()", false);
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("error", reply.content().path("status").asText());
        assertTrue(reply.content().path("evalue").asText().contains("allow_stdin is false"), reply.content().toString());
    }

    @Test
    void interruptWhileWaitingForInputEndsTheCellAndStdinStillWorks() {
        String id = client.execute("input(\"never answered\")", true);
        assertEquals(id, client.reply(client.stdin).parentId());
        client.send(client.control, "interrupt_request", content());
        client.reply(client.control);
        assertEquals("error", client.reply(client.shell).content().path("status").asText());
        client.execute("input(\"second\")", true);
        WireClient.Msg second = client.reply(client.stdin);
        assertEquals("second", second.content().path("prompt").asText());
        client.send(client.stdin, "input_reply", content().put("value", "fine"));
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("ok", reply.content().path("status").asText());
    }

    @Test
    void outputArrivesWhileTheCellStillRuns() {
        String id = client.execute("System.out.println(\"early\");\nThread.sleep(600_000);");
        // The stream must come while the cell sleeps: the test only ends the cell after seeing it.
        while (true) {
            WireClient.Msg m = client.receive(client.iopub, WireClient.TIMEOUT_MS);
            if (m == null) {
                throw new AssertionError("no output while the cell ran");
            }
            if (m.parentId().equals(id) && m.type().equals("stream")) {
                assertEquals("early\n", m.content().path("text").asText());
                break;
            }
        }
        assertEquals(null, client.receive(client.shell, 0), "the cell had not finished yet");
        client.send(client.control, "interrupt_request", content());
        client.reply(client.control);
        assertEquals("error", client.reply(client.shell).content().path("status").asText());
    }

    @Test
    void backgroundThreadOutputArrivesInOrderBeforeTheReply() {
        String id = client.execute("""
                Thread t = new Thread(() -> { for (int i = 0; i < 200; i++) System.out.println("line " + i); });
                t.start();
                t.join();
                """);
        client.reply(client.shell);
        String text = client.iopubFor(id).stream().filter(m -> m.type().equals("stream"))
                .map(m -> m.content().path("text").asText()).collect(Collectors.joining());
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            expected.append("line ").append(i).append('\n');
        }
        assertEquals(expected.toString(), text);
    }

    @Test
    void aTwentyMegabyteCellIsServed() {
        String comment = "/* " + "x".repeat(20 << 20) + " */\n";
        client.execute(comment + "6 * 7");
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("ok", reply.content().path("status").asText(), reply.content().toString());
        // A 20 MB string literal cannot compile (class files cap a constant at 64 KB): a clear
        // error, and the session still works after it (JShell alone would stay broken).
        client.execute("String big = \"" + "y".repeat(20 << 20) + "\";");
        WireClient.Msg tooBig = client.reply(client.shell);
        assertEquals("error", tooBig.content().path("status").asText());
        assertTrue(tooBig.content().path("evalue").asText().contains("holds at most 65,535 bytes"),
                tooBig.content().path("evalue").asText());
        client.execute("1 + 1");
        WireClient.Msg after = client.reply(client.shell);
        assertEquals("ok", after.content().path("status").asText(), after.content().toString());
    }

    @Test
    void sqlCellShowsATableAndBindsItsName() {
        String id = client.execute("%%sql squares\nSELECT range AS n, range * range AS sq FROM range(5)");
        assertEquals("ok", client.reply(client.shell).content().path("status").asText());
        JsonNode data = client.iopubFor(id).stream().filter(m -> m.type().equals("execute_result"))
                .findFirst().orElseThrow().content().path("data");
        assertTrue(data.path("text/html").asText().contains("<table>"));
        assertTrue(data.path("text/plain").asText().contains("squares: 5 rows, 2 columns"), data.toString());
        assertEquals(5, data.path("application/vnd.assay.result+json").path("total_rows").asInt());
        String again = client.execute("%%sql\nSELECT sum(sq) AS total FROM squares");
        client.reply(client.shell);
        JsonNode total = client.iopubFor(again).stream().filter(m -> m.type().equals("execute_result"))
                .findFirst().orElseThrow().content().path("data").path("application/vnd.assay.result+json").path("rows");
        assertEquals(30, total.get(0).get(0).asInt());
    }

    @Test
    void sqlErrorsAreOneErrorMessage() {
        String id = client.execute("%%sql\nSELECT * FROM no_such_table");
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals("SqlError", reply.content().path("ename").asText());
        assertTrue(reply.content().path("evalue").asText().contains("no_such_table"));
        assertEquals(1, client.iopubFor(id).stream().filter(m -> m.type().equals("error")).count());
    }

    @Test
    void interruptCancelsALongSqlQuery() {
        String query = client.execute("%%sql\nSELECT count(*) FROM range(10000000000) a, range(1000) b "
                + "WHERE a.range + b.range < 0");
        awaitBusy(query);
        client.send(client.control, "interrupt_request", content());
        client.reply(client.control);
        WireClient.Msg reply = client.reply(client.shell);
        assertEquals(query, reply.parentId());
        assertEquals("error", reply.content().path("status").asText());
        assertTrue(reply.content().path("evalue").asText().contains("cancelled"), reply.content().toString());
        client.execute("%%sql\nSELECT 1 AS still_works");
        assertEquals("ok", client.reply(client.shell).content().path("status").asText());
    }

    private void awaitBusy(String msgId) {
        // execute_input is published when the cell starts, so an interrupt after it hits the cell.
        while (true) {
            WireClient.Msg m = client.receive(client.iopub, WireClient.TIMEOUT_MS);
            if (m == null) {
                throw new AssertionError("the cell never started");
            }
            if (m.parentId().equals(msgId) && m.type().equals("execute_input")) {
                return;
            }
        }
    }
}
