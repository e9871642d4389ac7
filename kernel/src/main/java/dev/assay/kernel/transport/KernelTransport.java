package dev.assay.kernel.transport;

import java.util.List;

/**
 * How the protocol layer reaches its client, in whole {@link Message}s: requests arrive on
 * shell and control, outputs go out on IOPub, input is asked for on stdin. The ZeroMQ sockets
 * ({@link ZmqTransport}) are the one real implementation; the protocol's tests use a fake with
 * no sockets. Signing, size limits and binding are the transport's business, never the
 * protocol's.
 */
public interface KernelTransport extends AutoCloseable {

    /**
     * Starts serving and returns at once: shell and control each hand their requests, one at a
     * time, to their handler on a thread of their own, so control is answered while a cell
     * runs. {@code failed} is called if the transport can no longer serve at all.
     */
    void start(RequestHandler shell, RequestHandler control, Runnable failed);

    /** Sends a message on IOPub; safe from any thread; dropped once the transport is closed. */
    void publish(Message message);

    /** Sends an input_request on stdin and waits for the client's input_reply. */
    Message askInput(Message inputRequest) throws InterruptedException;

    /** Takes no more requests once the one being handled is done (the kernel is shutting down). */
    void stopServing();

    @Override
    void close();

    /** What a channel does with each request it receives. */
    @FunctionalInterface
    interface RequestHandler {
        void handle(Message request, RequestChannel channel);
    }

    /** The channel a request came in on. */
    interface RequestChannel {

        /** Sends a reply back to the request's sender. */
        void send(Message reply);

        /** The requests that have already arrived on this channel, taken without waiting for more. */
        List<Message> waiting();
    }
}
