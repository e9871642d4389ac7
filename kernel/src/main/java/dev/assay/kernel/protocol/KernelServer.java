package dev.assay.kernel.protocol;

import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.transport.ConnectionInfo;
import dev.assay.kernel.transport.FrameReader;
import dev.assay.kernel.transport.MalformedMessageException;
import dev.assay.kernel.transport.Message;
import dev.assay.kernel.transport.MessageSigner;
import dev.assay.kernel.transport.WireCodec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

/**
 * The kernel on the wire: binds the five channels where the connection file says and serves
 * them on their own threads, so that interrupt and shutdown on control are answered while a
 * cell runs on shell. Every thread blocks in ZeroMQ; none polls.
 */
public final class KernelServer implements AutoCloseable {

    private final ConnectionInfo info;
    private final CellExecutor executor;
    private final PrintStream log;
    private final WireCodec codec;
    private final String session = UUID.randomUUID().toString();
    private final ZMQ.Context context = ZMQ.context(1);
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean restartRequested;
    private volatile boolean failed;
    private IopubChannel iopub;

    public KernelServer(ConnectionInfo info, CellExecutor executor, PrintStream log) {
        this.info = info;
        this.executor = executor;
        this.log = log;
        this.codec = new WireCodec(new MessageSigner(info.key(), info.signatureScheme()));
        // JeroMQ's I/O thread reads every socket. A message of many frames, each under the size
        // limit, is buffered whole before anyone can refuse it; if that exhausts memory the
        // thread dies and some channels never answer again. A kernel that ends can be restarted
        // by its client; a half-deaf one cannot.
        context.setUncaughtExceptionHandler((thread, error) -> {
            log.println("assay kernel: ZeroMQ's thread " + thread.getName() + " failed (" + error
                    + "); the channels cannot be served any more, so the kernel ends");
            failed = true;
            shutDown();
        });
    }

    /** Binds every channel and starts serving; returns at once. */
    public void start() {
        ZMQ.Socket shell = bind(SocketType.ROUTER, info.shellPort());
        ZMQ.Socket control = bind(SocketType.ROUTER, info.controlPort());
        ZMQ.Socket stdin = bind(SocketType.ROUTER, info.stdinPort());
        ZMQ.Socket heartbeat = bind(SocketType.REP, info.hbPort());
        ZMQ.Socket iopubSocket = bind(SocketType.PUB, info.iopubPort());
        iopubSocket.setSndHWM(100_000);
        iopub = new IopubChannel(iopubSocket, codec, session);
        StdinChannel stdinChannel = new StdinChannel(context, stdin, codec, session, log);
        ShellHandler handler = new ShellHandler(executor, iopub, stdinChannel, log, this::requestShutdown);
        ControlHandler controlHandler = new ControlHandler(executor, iopub, log, this::requestShutdown);
        spawn("assay-shell", () -> serve(shell, (request, replies) -> handler.handle(request, replies, () -> drain(shell))));
        spawn("assay-control", () -> serve(control, controlHandler::handle));
        spawn("assay-heartbeat", () -> serveHeartbeat(heartbeat));
        spawn("assay-stdin", stdinChannel::serve);
        iopub.status(null, "starting");
    }

    /** Blocks until a client asks for shutdown; returns whether it asked for a restart. */
    public boolean awaitShutdown() throws InterruptedException {
        shutdown.await();
        return restartRequested;
    }

    @Override
    public void close() {
        running = false;
        shutdown.countDown();
        if (iopub != null) {
            iopub.close();
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

    /** Whether serving ended because ZeroMQ failed, not because someone asked. */
    public boolean failed() {
        return failed;
    }

    /**
     * Ends serving as a shutdown_request would, for a reason outside the protocol (the client
     * is gone): a running cell is interrupted and {@link #awaitShutdown} returns.
     */
    public void shutDown() {
        executor.interrupt();
        requestShutdown(false);
    }

    private void requestShutdown(boolean restart) {
        restartRequested = restartRequested || restart;
        running = false;
        shutdown.countDown();
    }

    /** Serves one ROUTER socket until shutdown: each request in turn, replies on the same socket. */
    private void serve(ZMQ.Socket socket, RequestHandler handler) {
        ReplyChannel replies = (request, type, content) -> send(socket, request.reply(type, content, session));
        try {
            while (running) {
                Message request = receive(socket, 0);
                if (request != null) {
                    handler.handle(request, replies);
                }
            }
        } finally {
            socket.close();
        }
    }

    @FunctionalInterface
    private interface RequestHandler {
        void handle(Message request, ReplyChannel replies);
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
        List<byte[]> frames = codec.encode(message);
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
