package dev.assay.kernel.cli;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExitGuard;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.kernel.extension.SessionExtensions;
import dev.assay.kernel.protocol.KernelServer;
import dev.assay.kernel.transport.ConnectionInfo;
import dev.assay.kernel.transport.ZmqTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code assay kernel CONNECTION_FILE}: what Jupyter starts through the kernelspec. */
@Command(name = "kernel", description = "Serve the Jupyter protocol on the ports of a connection file.")
final class KernelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONNECTION_FILE", description = "the connection file written by the Jupyter client")
    Path connectionFile;

    @Option(names = "--engine", paramLabel = "NAME",
            description = "the SQL engine of the session, by name (default: $ASSAY_ENGINE, else duckdb)")
    String engine;

    @Override
    public Integer call() {
        return serve(connectionFile, engine);
    }

    /** Serves with the engine of {@code ASSAY_ENGINE}, else DuckDB. */
    static int serve(Path connectionFile) {
        return serve(connectionFile, null);
    }

    /** Serves until a shutdown_request, then ends the process; returns 1 when the kernel cannot start. */
    static int serve(Path connectionFile, String engineName) {
        ConnectionInfo info;
        try {
            info = ConnectionInfo.read(connectionFile);
        } catch (IOException e) {
            System.err.println("assay kernel: cannot read the connection file " + connectionFile + ": " + e.getMessage());
            return 1;
        }
        StreamCapture streams = StreamCapture.install();
        SessionExtensions extensions = SessionStart.extensions(streams.log());
        Workspace workspace;
        try {
            workspace = SessionStart.workspace(extensions.engines(), SessionStart.engine(extensions, engineName));
        } catch (IllegalArgumentException | IllegalStateException e) {
            streams.log().println("assay kernel: " + e.getMessage());
            return 1;
        }
        CompletableFuture<Void> bound = new CompletableFuture<>();
        CellExecutor executor = new CellExecutor(extensions, streams, workspace, bound);
        KernelServer server = new KernelServer(new ZmqTransport(info, streams.log()), executor, streams.log());
        try {
            server.start();
        } catch (RuntimeException e) {
            // A port taken or an address this machine lacks: say so and end, not hang on live
            // threads (JShell, held back by `bound`, never starts).
            streams.log().println("assay kernel: cannot serve the ports of " + connectionFile + ": " + e);
            return 1;
        }
        bound.complete(null);
        ParentWatcher.ofClient(System.getenv(ParentWatcher.CLIENT_PID_VARIABLE)).ifPresent(client -> client.start(() -> {
            streams.log().println("assay kernel: the client that started it (pid " + client.watchedPid()
                    + ") is gone; shutting down");
            server.shutDown();
        }));
        try {
            server.awaitShutdown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // ends the kernel as a shutdown would
        }
        server.close();
        executor.close();
        streams.close();
        // Threads a cell started may still run; a shut-down kernel must not linger for them.
        ExitGuard.permitExit();
        Runtime.getRuntime().halt(server.failed() ? 1 : 0);
        return 0;
    }
}
