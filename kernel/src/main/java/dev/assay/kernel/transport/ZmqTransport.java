package dev.assay.kernel.transport;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel on the wire: binds the five channels where the connection file says and serves
 * them on their own threads, so that interrupt and shutdown on control are answered while a
 * cell runs on shell. Every thread blocks in ZeroMQ; none polls. Messages are signed and
 * verified by the {@link WireCodec}; frames are read within {@link FrameReader}'s limits.
 */
public final class ZmqTransport implements KernelTransport {

    private final ConnectionInfo info;
    private final PrintStream log;
    private final WireCodec codec;
    private final ZMQ.Context context = ZMQ.context(1);
    private volatile boolean running = true;
    private volatile Runnable failed = () -> { };
    private ZMQ.Socket iopub;
    private boolean iopubClosed;
    private StdinSocket stdin;

    public ZmqTransport(ConnectionInfo info, PrintStream log) {
        this.info = info;
        this.log = log;
        this.codec = new WireCodec(new MessageSigner(info.key(), info.signatureScheme()));
        // JeroMQ's I/O thread reads every socket. A message of many frames, each under the size
        // limit, is buffered whole before anyone can refuse it; if that exhausts memory the
        // thread dies and some channels never answer again. A kernel that ends can be restarted
        // by its client; a half-deaf one cannot.
        context.setUncaughtExceptionHandler((thread, error) -> {
            log.println("assay kernel: ZeroMQ's thread " + thread.getName() + " failed (" + error
                    + "); the channels cannot be served any more, so the kernel ends");
            failed.run();
        });
    }

    /** Binds every channel and starts serving; returns at once. */
    @Override
    public void start(RequestHandler shellHandler, RequestHandler controlHandler, Runnable whenFailed) {
        this.failed = whenFailed;
        ZMQ.Socket shell = bind(SocketType.ROUTER, info.shellPort());
        ZMQ.Socket control = bind(SocketType.ROUTER, info.controlPort());
        ZMQ.Socket stdinRouter = bind(SocketType.ROUTER, info.stdinPort());
        ZMQ.Socket heartbeat = bind(SocketType.REP, info.hbPort());
        ZMQ.Socket iopubSocket = bind(SocketType.PUB, info.iopubPort());
        iopubSocket.setSndHWM(100_000);
        synchronized (this) {
            iopub = iopubSocket;
        }
        stdin = new StdinSocket(context, stdinRouter, codec, log);
        spawn("assay-shell", () -> serve(shell, shellHandler));
        spawn("assay-control", () -> serve(control, controlHandler));
        spawn("assay-heartbeat", () -> serveHeartbeat(heartbeat));
        spawn("assay-stdin", stdin::serve);
    }

    /**
     * ZeroMQ sockets are not thread-safe, and status, streams (from the flusher thread),
     * displays (from cell threads) and control replies all publish here, so every send is
     * serialized.
     */
    @Override
    public synchronized void publish(Message message) {
        if (iopub == null || iopubClosed) {
            return;
        }
        send(iopub, message);
    }

    @Override
    public Message askInput(Message inputRequest) throws InterruptedException {
        return stdin.ask(inputRequest);
    }

    @Override
    public void stopServing() {
        running = false;
    }

    @Override
    public void close() {
        running = false;
        synchronized (this) {
            // later publishes are dropped: the socket is about to close
            iopubClosed = true;
            if (iopub != null) {
                iopub.close();
            }
        }
        // term() wakes every blocked receive with ETERM and waits for the sockets to close;
        // a cell that never ends must not keep the process alive, so wait a bounded time.
        Thread terminator = new Thread(context::term, "assay-zmq-term");
        terminator.setDaemon(true);
        terminator.start();
        try {
            terminator.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Serves one ROUTER socket until shutdown: each request in turn, replies on the same socket. */
    private void serve(ZMQ.Socket socket, RequestHandler handler) {
        RequestChannel channel = new RequestChannel() {
            @Override
            public void send(Message reply) {
                ZmqTransport.this.send(socket, reply);
            }

            @Override
            public List<Message> waiting() {
                return drain(socket);
            }
        };
        try {
            while (running) {
                Message request = receive(socket, 0);
                if (request != null) {
                    handler.handle(request, channel);
                }
            }
        } finally {
            socket.close();
        }
    }

    /** The requests that have already arrived on a socket, without waiting for more. */
    private List<Message> drain(ZMQ.Socket socket) {
        List<Message> arrived = new ArrayList<>();
        Message next;
        while ((next = receive(socket, ZMQ.DONTWAIT)) != null) {
            arrived.add(next);
        }
        return arrived;
    }

    private void serveHeartbeat(ZMQ.Socket socket) {
        try {
            while (running) {
                byte[] ping = recv(socket, 0);
                if (ping != null) {
                    socket.send(ping, 0);
                }
            }
        } catch (ZMQException e) {
            // context terminated: fall through and close
        } finally {
            socket.close();
        }
    }

    /**
     * One message, or null when it was malformed (logged and dropped) or the context is ending.
     * A bad message never stops the loop: the next one is served as usual.
     */
    private Message receive(ZMQ.Socket socket, int flags) {
        try {
            List<byte[]> frames = FrameReader.receive(socket, flags);
            return frames == null ? null : codec.decode(frames);
        } catch (MalformedMessageException e) {
            log.println("assay: dropped a message: " + e.getMessage());
            return (flags & ZMQ.DONTWAIT) != 0 ? receive(socket, flags) : null;
        } catch (ZMQException e) {
            ended(e);
            return null;
        }
    }

    private byte[] recv(ZMQ.Socket socket, int flags) {
        try {
            return socket.recv(flags);
        } catch (ZMQException e) {
            ended(e);
            return null;
        }
    }

    private void ended(ZMQException e) {
        if (running) {
            log.println("assay: receive failed: " + e);
        }
        running = false;
    }

    private void send(ZMQ.Socket socket, Message message) {
        sendFrames(socket, codec.encode(message));
    }

    /** Sends the frames of one message as one multipart message. */
    static void sendFrames(ZMQ.Socket socket, List<byte[]> frames) {
        for (int i = 0; i < frames.size(); i++) {
            socket.send(frames.get(i), i < frames.size() - 1 ? ZMQ.SNDMORE : 0);
        }
    }

    private ZMQ.Socket bind(SocketType type, int port) {
        ZMQ.Socket socket = context.socket(type);
        socket.setLinger(1000);
        FrameReader.limit(socket);
        socket.bind(info.endpoint(port));
        return socket;
    }

    private void spawn(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
