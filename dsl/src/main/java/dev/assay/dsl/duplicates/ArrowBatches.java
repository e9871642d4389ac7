package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.SqlEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/** Streams a query's rows as Arrow batches to Java, one batch at a time, stopping when the thread is interrupted. */
final class ArrowBatches {

    static final int ROWS = 8_192;

    private ArrowBatches() {
    }

    /** Runs {@code body} on each batch of {@code sql}; {@code what} names the reading in an error. */
    static void each(SqlEngine engine, String sql, String what, Consumer<VectorSchemaRoot> body) {
        try (ArrowReader reader = engine.arrowQuery(sql, ROWS)) {
            while (reader.loadNextBatch()) {
                checkInterrupted();
                body.accept(reader.getVectorSchemaRoot());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " failed: " + e.getMessage(), e);
        }
    }

    static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new QueryCancelledException("near-duplicate search interrupted", null);
        }
    }
}
