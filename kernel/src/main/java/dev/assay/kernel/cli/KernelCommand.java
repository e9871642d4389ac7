package dev.assay.kernel.cli;

import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExitGuard;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.kernel.protocol.KernelServer;
import dev.assay.kernel.transport.ConnectionInfo;
import dev.assay.viz.RendererRegistry;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code assay kernel CONNECTION_FILE}: what Jupyter starts through the kernelspec. */
@Command(name = "kernel", description = "Serve the Jupyter protocol on the ports of a connection file.")
final class KernelCommand implements Callable<Integer> {

    @Parameters(paramLabel = "CONNECTION_FILE", description = "the connection file written by the Jupyter client")
    Path connectionFile;

    @Override
    public Integer call() throws Exception {
        ConnectionInfo info = ConnectionInfo.read(connectionFile);
        StreamCapture streams = StreamCapture.install();
        CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams);
        KernelServer server = new KernelServer(info, executor, streams.log());
        server.start();
        server.awaitShutdown();
        server.close();
        executor.close();
        streams.close();
        // Threads a cell started may still run; a shut-down kernel must not linger for them.
        ExitGuard.permitExit();
        Runtime.getRuntime().halt(0);
        return 0;
    }
}
