package dev.assay.kernel.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/**
 * A minimal Jupyter client over real ZeroMQ sockets for the tests. It signs with its own
 * HMAC code, not the kernel's, so a signing bug cannot hide behind a matching verify bug.
 */
final class WireClient implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(Integer.MAX_VALUE).build())
            .build());
    static final long TIMEOUT_MS = 60_000; // generous: these tests assert that things happen, not how fast

    /** A received message, parsed. */
    record Msg(String type, JsonNode header, JsonNode parent, JsonNode content) {
        String parentId() {
            return parent.path("msg_id").asText();
        }
    }

    private final ZMQ.Context context = ZMQ.context(1);
    final ZMQ.Socket shell;
    final ZMQ.Socket control;
    final ZMQ.Socket iopub;
    final ZMQ.Socket heartbeat;
    final ZMQ.Socket stdin;
    private final String key;
    private final String session = UUID.randomUUID().toString();

    WireClient(TestKernel kernel) {
        this.key = kernel.key();
        // As jupyter_client does: shell and stdin share one identity, so the kernel can route
        // an input_request to the client whose execute_request asked for it.
        byte[] identity = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);
        shell = context.socket(SocketType.DEALER);
        shell.setIdentity(identity);
        shell.setLinger(0);
        shell.connect(kernel.endpoint(kernel.info().shellPort()));
        stdin = context.socket(SocketType.DEALER);
        stdin.setIdentity(identity);
        stdin.setLinger(0);
        stdin.connect(kernel.endpoint(kernel.info().stdinPort()));
        control = connect(SocketType.DEALER, kernel.endpoint(kernel.info().controlPort()));
        heartbeat = connect(SocketType.REQ, kernel.endpoint(kernel.info().hbPort()));
        iopub = context.socket(SocketType.SUB);
        iopub.subscribe(new byte[0]);
        iopub.connect(kernel.endpoint(kernel.info().iopubPort()));
    }

    private ZMQ.Socket connect(SocketType type, String endpoint) {
        ZMQ.Socket s = context.socket(type);
        s.setLinger(0);
        s.connect(endpoint);
        return s;
    }

    /** Waits until IOPub delivers (the slow-joiner problem): asks kernel_info until a status arrives. */
    void awaitIopub() {
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        while (System.currentTimeMillis() < deadline) {
            send(shell, "kernel_info_request", JSON.createObjectNode());
            receive(shell, TIMEOUT_MS);
            iopub.setReceiveTimeOut(200);
            byte[] frame = iopub.recv(0);
            if (frame != null) {
                while (iopub.hasReceiveMore()) {
                    iopub.recv(0);
                }
                drainIopub();
                return;
            }
        }
        throw new AssertionError("IOPub never delivered a message");
    }

    void drainIopub() {
        while (receive(iopub, 300) != null) {
            // discard
        }
    }

    String send(ZMQ.Socket socket, String type, ObjectNode content) {
        ObjectNode header = header(type);
        sendFrames(socket, frames(header, content, true));
        return header.get("msg_id").asText();
    }

    String execute(String code) {
        return execute(code, false);
    }

    String execute(String code, boolean allowStdin) {
        ObjectNode content = JSON.createObjectNode();
        content.put("code", code).put("silent", false).put("store_history", true)
                .put("allow_stdin", allowStdin).put("stop_on_error", true);
        content.putObject("user_expressions");
        return send(shell, "execute_request", content);
    }

    ObjectNode header(String type) {
        ObjectNode header = JSON.createObjectNode();
        header.put("msg_id", UUID.randomUUID().toString());
        header.put("session", session);
        header.put("username", "test");
        header.put("date", "2026-01-01T00:00:00.000000Z");
        header.put("msg_type", type);
        header.put("version", "5.4");
        return header;
    }

    /** The frames of a message after the identities, optionally signed with the right key. */
    List<byte[]> frames(ObjectNode header, ObjectNode content, boolean sign) {
        try {
            byte[] h = JSON.writeValueAsBytes(header);
            byte[] p = "{}".getBytes(StandardCharsets.UTF_8);
            byte[] m = "{}".getBytes(StandardCharsets.UTF_8);
            byte[] c = JSON.writeValueAsBytes(content);
            List<byte[]> frames = new ArrayList<>();
            frames.add("<IDS|MSG>".getBytes(StandardCharsets.UTF_8));
            frames.add((sign ? hmac(h, p, m, c) : "").getBytes(StandardCharsets.US_ASCII));
            frames.add(h);
            frames.add(p);
            frames.add(m);
            frames.add(c);
            return frames;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String hmac(byte[]... parts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            for (byte[] part : parts) {
                mac.update(part);
            }
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    /** The next message on a socket, or null after {@code timeoutMs}. */
    Msg receive(ZMQ.Socket socket, long timeoutMs) {
        socket.setReceiveTimeOut((int) timeoutMs);
        byte[] first = socket.recv(0);
        if (first == null) {
            return null;
        }
        List<byte[]> frames = new ArrayList<>();
        frames.add(first);
        while (socket.hasReceiveMore()) {
            frames.add(socket.recv(0));
        }
        int d = 0;
        while (!new String(frames.get(d), StandardCharsets.UTF_8).equals("<IDS|MSG>")) {
            d++;
        }
        String signature = new String(frames.get(d + 1), StandardCharsets.US_ASCII);
        if (!signature.equals(hmac(frames.get(d + 2), frames.get(d + 3), frames.get(d + 4), frames.get(d + 5)))) {
            throw new AssertionError("kernel sent a message with a wrong signature");
        }
        try {
            JsonNode header = JSON.readTree(frames.get(d + 2));
            return new Msg(header.path("msg_type").asText(), header, JSON.readTree(frames.get(d + 3)),
                    JSON.readTree(frames.get(d + 5)));
        } catch (Exception e) {
            throw new AssertionError("kernel sent broken JSON", e);
        }
    }

    Msg reply(ZMQ.Socket socket) {
        Msg m = receive(socket, TIMEOUT_MS);
        if (m == null) {
            throw new AssertionError("no reply within " + TIMEOUT_MS + " ms");
        }
        return m;
    }

    /** IOPub messages whose parent is {@code msgId}, from busy to idle (both included). */
    List<Msg> iopubFor(String msgId) {
        List<Msg> found = new ArrayList<>();
        while (true) {
            Msg m = receive(iopub, TIMEOUT_MS);
            if (m == null) {
                throw new AssertionError("IOPub went quiet before idle for " + msgId + "; got " + found);
            }
            if (!m.parentId().equals(msgId)) {
                continue;
            }
            found.add(m);
            if (m.type().equals("status") && m.content().path("execution_state").asText().equals("idle")) {
                return found;
            }
        }
    }

    @Override
    public void close() {
        shell.close();
        control.close();
        iopub.close();
        heartbeat.close();
        stdin.close();
        context.term();
    }
}
