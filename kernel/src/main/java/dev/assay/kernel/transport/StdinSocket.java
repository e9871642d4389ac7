package dev.assay.kernel.transport;

import java.io.PrintStream;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The stdin channel. Its socket lives on one thread of its own that never runs user code,
 * so an interrupted or stopped cell cannot leave the socket half-used: the cell only waits
 * on a future. New requests wake the thread through an inproc socket, so it blocks in
 * ZeroMQ's poll and never sleeps.
 */
final class StdinSocket {

    private record Pending(Message request, CompletableFuture<Message> answer) {
    }

    private final ZMQ.Context context;
    private final ZMQ.Socket router;
    private final WireCodec codec;
    private final PrintStream log;
    private final String wakeEndpoint = "inproc://assay-stdin-" + UUID.randomUUID();
    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ZMQ.Socket wakeReceiver;

    StdinSocket(ZMQ.Context context, ZMQ.Socket router, WireCodec codec, PrintStream log) {
        this.context = context;
        this.router = router;
        this.codec = codec;
        this.log = log;
        this.wakeReceiver = context.socket(SocketType.PULL);
        this.wakeReceiver.bind(wakeEndpoint);
    }

    /** Sends an input_request to the client it is addressed to; waits for its input_reply. */
    Message ask(Message inputRequest) throws InterruptedException {
        Pending pending = new Pending(inputRequest, new CompletableFuture<>());
        queue.add(pending);
        try (ZMQ.Socket wake = context.socket(SocketType.PUSH)) {
            wake.connect(wakeEndpoint);
            wake.send(new byte[] {1}, 0);
        }
        try {
            return pending.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("input failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pending.answer().cancel(false); // an interrupted cell abandons its request
        }
    }

    /** The channel's own thread: sends input requests and matches the replies, until the context ends. */
    void serve() {
        Pending awaiting = null;
        try (ZMQ.Poller poller = context.poller(2)) {
            int wakeIndex = poller.register(wakeReceiver, ZMQ.Poller.POLLIN);
            int routerIndex = poller.register(router, ZMQ.Poller.POLLIN);
            while (poller.poll(-1) >= 0) {
                if (poller.pollin(wakeIndex)) {
                    while (wakeReceiver.recv(ZMQ.DONTWAIT) != null) {
                        // each byte only says "look at the queue"
                    }
                }
                if (poller.pollin(routerIndex)) {
                    Message reply = receive();
                    if (reply != null && reply.type().equals("input_reply") && awaiting != null) {
                        awaiting.answer().complete(reply);
                        awaiting = null;
                    }
                }
                // One cell runs at a time, so a newer request means the cell that made the
                // older one is gone (interrupted or stopped before it could withdraw it).
                Pending next = nextLive();
                if (next != null) {
                    if (awaiting != null) {
                        awaiting.answer().cancel(false);
                    }
                    awaiting = next;
                    send(awaiting);
                } else if (awaiting != null && awaiting.answer().isDone()) {
                    awaiting = null;
                }
            }
        } catch (ZMQException | IllegalStateException e) {
            // the context is terminating: the kernel is shutting down
        } finally {
            wakeReceiver.close();
            router.close();
        }
    }

    /** The newest request still waited for; older ones in the queue are abandoned. */
    private Pending nextLive() {
        Pending newest = null;
        Pending next;
        while ((next = queue.poll()) != null) {
            if (newest != null) {
                newest.answer().cancel(false);
            }
            newest = next;
        }
        return newest == null || newest.answer().isDone() ? null : newest;
    }

    private void send(Pending pending) {
        ZmqTransport.sendFrames(router, codec.encode(pending.request()));
    }

    private Message receive() {
        try {
            List<byte[]> frames = FrameReader.receive(router, 0);
            return frames == null ? null : codec.decode(frames);
        } catch (MalformedMessageException e) {
            log.println("assay: dropped a stdin message: " + e.getMessage());
            return null;
        }
    }
}
