package dev.assay.kernel.protocol;

import dev.assay.kernel.transport.Json;
import dev.assay.kernel.transport.Message;
import dev.assay.kernel.transport.WireCodec;
import java.util.List;
import org.zeromq.ZMQ;

/**
 * The one IOPub socket. ZeroMQ sockets are not thread-safe, and status, streams (from the
 * flusher thread), displays (from cell threads) and control replies all publish here, so every
 * send is serialized.
 */
public final class IopubChannel {

    private final ZMQ.Socket socket;
    private final WireCodec codec;
    private final String session;
    private boolean closed;

    IopubChannel(ZMQ.Socket socket, WireCodec codec, String session) {
        this.socket = socket;
        this.codec = codec;
        this.session = session;
    }

    public void publish(Message parent, String type, com.fasterxml.jackson.databind.node.ObjectNode content) {
        Message message = parent == null
                ? Message.orphan(type, content, session)
                : parent.broadcast(type, content, session);
        send(codec.encode(message));
    }

    public void status(Message parent, String state) {
        publish(parent, "status", Json.object().put("execution_state", state));
    }

    /** Later publishes are dropped: the socket is about to close. */
    synchronized void close() {
        closed = true;
        socket.close();
    }

    private synchronized void send(List<byte[]> frames) {
        if (closed) {
            return;
        }
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }
}
