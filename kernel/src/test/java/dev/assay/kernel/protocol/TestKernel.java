package dev.assay.kernel.protocol;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.kernel.transport.ConnectionInfo;
import dev.assay.kernel.transport.ZmqTransport;
import dev.assay.viz.RendererRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

/** A kernel on real TCP sockets on 127.0.0.1, in this JVM. */
final class TestKernel implements AutoCloseable {

    private final ConnectionInfo info;
    private final StreamCapture streams;
    private final CellExecutor executor;
    private final KernelServer server;

    TestKernel() throws IOException {
        info = new ConnectionInfo("tcp", "127.0.0.1", freePort(), freePort(), freePort(), freePort(), freePort(),
                UUID.randomUUID().toString(), "hmac-sha256");
        streams = StreamCapture.install();
        executor = new CellExecutor(RendererRegistry.withDefaults(), streams, Workspace.embedded());
        server = new KernelServer(new ZmqTransport(info, streams.log()), executor, streams.log());
        server.start();
    }

    ConnectionInfo info() {
        return info;
    }

    String key() {
        return info.key();
    }

    String endpoint(int port) {
        return info.endpoint(port);
    }

    KernelServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        executor.close();
        streams.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
