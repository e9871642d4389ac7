package dev.assay.kernel.protocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.KernelTransport;
import dev.assay.kernel.transport.Message;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A transport with no sockets: the test hands requests to the kernel's handlers on its own
 * thread, and every message the kernel sends is recorded, in order, with the channel it went to.
 */
final class FakeTransport implements KernelTransport {

    /** One message the kernel sent, and where: "iopub", "shell", "control" or "stdin". */
    record Sent(String channel, Message message) {
        String type() {
            return message.type();
        }
    }

    final List<Sent> sent = new ArrayList<>();
    /** Requests that "arrived" on shell behind the one being handled. */
    final Deque<Message> queuedOnShell = new ArrayDeque<>();
    /** What the client types when asked for input. */
    String inputAnswer = "";
    boolean stopped;
    boolean closed;
    private RequestHandler shell;
    private RequestHandler control;
    private Runnable failed;

    @Override
    public void start(RequestHandler shellHandler, RequestHandler controlHandler, Runnable whenFailed) {
        this.shell = shellHandler;
        this.control = controlHandler;
        this.failed = whenFailed;
    }

    @Override
    public synchronized void publish(Message message) {
        sent.add(new Sent("iopub", message));
    }

    @Override
    public synchronized Message askInput(Message inputRequest) {
        sent.add(new Sent("stdin", inputRequest));
        ObjectNode content = Json.object().put("value", inputAnswer);
        return new Message(inputRequest.identities(), Message.newHeader("input_reply", "client"),
                inputRequest.header(), Json.object(), content, List.of());
    }

    @Override
    public void stopServing() {
        stopped = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    void onShell(Message request) {
        shell.handle(request, channel("shell"));
    }

    void onControl(Message request) {
        control.handle(request, channel("control"));
    }

    /** As a transport whose sockets can no longer be served. */
    void fail() {
        failed.run();
    }

    synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    private RequestChannel channel(String name) {
        return new RequestChannel() {
            @Override
            public void send(Message reply) {
                synchronized (FakeTransport.this) {
                    sent.add(new Sent(name, reply));
                }
            }

            @Override
            public List<Message> waiting() {
                List<Message> arrived = new ArrayList<>(queuedOnShell);
                queuedOnShell.clear();
                return arrived;
            }
        };
    }

    /** A request as a client sends it, from a client identity, with a header of its own. */
    static Message request(String type, ObjectNode content) {
        return new Message(List.of("client-1".getBytes(StandardCharsets.UTF_8)),
                Message.newHeader(type, "client-session"), Json.object(), Json.object(), content, List.of());
    }
}
