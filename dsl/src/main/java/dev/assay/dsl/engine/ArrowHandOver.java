package dev.assay.dsl.engine;

import java.io.IOException;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Arrow batches of one engine handed to another. Each engine has its own root allocator, and
 * Arrow refuses to move a buffer between roots; the C stream interface is the way across: the
 * source's batches are exported with the source's allocator and imported with the target's,
 * without copying the data.
 */
public final class ArrowHandOver extends ArrowReader {

    private final ArrowReader imported;
    private boolean closed;

    private ArrowHandOver(BufferAllocator target, ArrowReader imported) {
        super(target);
        this.imported = imported;
    }

    /** The batches of {@code source} as a reader of {@code target}; closing it closes {@code source}. */
    public static ArrowReader of(ArrowReader source, BufferAllocator target) {
        BufferAllocator own;
        try {
            own = sourceAllocator(source.getVectorSchemaRoot(), target);
        } catch (IOException e) {
            closeQuietly(source);
            throw new SqlException("reading the rows to hand over failed: " + e.getMessage(), e);
        }
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(own);
        try {
            Data.exportArrayStream(own, source, stream);
            return new ArrowHandOver(target, Data.importArrayStream(target, stream));
        } catch (RuntimeException e) {
            stream.close();
            closeQuietly(source);
            throw e;
        }
    }

    /** The root allocator the source's vectors live in (a reader without columns holds no buffers). */
    private static BufferAllocator sourceAllocator(VectorSchemaRoot root, BufferAllocator fallback) {
        return root.getFieldVectors().stream().findFirst().map(FieldVector::getAllocator)
                .map(BufferAllocator::getRoot).orElse(fallback);
    }

    private static void closeQuietly(ArrowReader reader) {
        try {
            reader.close();
        } catch (IOException | RuntimeException e) {
            // the failure that brought us here is the one to report
        }
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        return imported.loadNextBatch();
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
        return imported.getVectorSchemaRoot();
    }

    @Override
    public long bytesRead() {
        return imported.bytesRead();
    }

    @Override
    protected void closeReadSource() throws IOException {
        if (!closed) { // once: a target that read the stream to its end may close it before its owner does
            closed = true;
            imported.close(); // releases the exported stream, which closes the source (the import owns the struct)
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        return imported.getVectorSchemaRoot().getSchema();
    }
}
