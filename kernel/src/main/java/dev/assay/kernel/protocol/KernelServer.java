package dev.assay.kernel.protocol;

import dev.assay.kernel.exec.Execution;
import dev.assay.kernel.transport.KernelTransport;
import java.io.PrintStream;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

/**
 * The kernel's protocol core: routes each shell and control request the transport receives to
 * its handler, and ends serving when a client asks for shutdown. It knows messages, not sockets.
 */
public final class KernelServer implements AutoCloseable {

    private final KernelTransport transport;
    private final Execution executor;
    private final PrintStream log;
    /** The session id in the header of every message this kernel sends. */
    private final String session = UUID.randomUUID().toString();
    private final CountDownLatch shutdown = new CountDownLatch(1);
    private volatile boolean restartRequested;
    private volatile boolean failed;

    public KernelServer(KernelTransport transport, Execution executor, PrintStream log) {
        this.transport = transport;
        this.executor = executor;
        this.log = log;
    }

    /** Starts serving through the transport (on the wire: binds every channel); returns at once. */
    public void start() {
        IopubChannel iopub = new IopubChannel(transport, session);
        ShellHandler shell = new ShellHandler(executor, iopub, new StdinChannel(transport, session), log,
                this::requestShutdown);
        ControlHandler control = new ControlHandler(executor, iopub, log, this::requestShutdown);
        transport.start(
                (request, channel) -> shell.handle(request, replies(channel), channel::waiting),
                (request, channel) -> control.handle(request, replies(channel)),
                () -> {
                    failed = true;
                    shutDown();
                });
        iopub.status(null, "starting");
    }

    /** Blocks until a client asks for shutdown; returns whether it asked for a restart. */
    public boolean awaitShutdown() throws InterruptedException {
        shutdown.await();
        return restartRequested;
    }

    @Override
    public void close() {
        shutdown.countDown();
        transport.close();
    }

    /** Whether serving ended because the transport failed, not because someone asked. */
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
        transport.stopServing();
        shutdown.countDown();
    }

    private ReplyChannel replies(KernelTransport.RequestChannel channel) {
        return (request, type, content) -> channel.send(request.reply(type, content, session));
    }
}
