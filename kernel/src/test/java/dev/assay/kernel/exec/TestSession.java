package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.RendererRegistry;

/** A kernel session without sockets, for tests: runs cells and records their outputs. */
final class TestSession implements AutoCloseable {

    final StreamCapture streams = StreamCapture.install();
    final CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams, Workspace.embedded());

    RecordingSink run(String code) {
        return run(code, new RecordingSink());
    }

    /** Runs into a sink the caller watches while the cell runs. */
    RecordingSink run(String code, RecordingSink sink) {
        executor.execute(ExecuteRequest.of(code), sink);
        return sink;
    }

    /** The error the cell ends with; fails the test when it ends without one. */
    CellError error(String code) {
        RecordingSink sink = run(code);
        return sink.events.stream().filter(e -> e.kind().equals("error")).map(RecordingSink.Event::error)
                .findFirst().orElseThrow(() -> new AssertionError("no error for: " + code + "; got " + sink.events));
    }

    @Override
    public void close() {
        executor.close();
        streams.close();
    }
}
