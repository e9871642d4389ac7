package dev.assay.dsl.engine;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Schema;

/** An Arrow stream from DuckDB that also closes the result set and statement behind it. */
final class ClosingArrowReader extends ArrowReader {

    private final ArrowReader source;
    private final ResultSet resultSet;
    private final Statement statement;

    ClosingArrowReader(ArrowReader source, ResultSet resultSet, Statement statement, BufferAllocator allocator) {
        super(allocator);
        this.source = source;
        this.resultSet = resultSet;
        this.statement = statement;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        return source.loadNextBatch();
    }

    @Override
    public VectorSchemaRoot getVectorSchemaRoot() throws IOException {
        return source.getVectorSchemaRoot();
    }

    @Override
    public long bytesRead() {
        return source.bytesRead();
    }

    @Override
    protected void closeReadSource() throws IOException {
        try {
            source.close();
        } finally {
            try {
                resultSet.close();
                statement.close();
            } catch (SQLException e) {
                throw new IOException("closing the query behind an Arrow stream failed: " + e.getMessage(), e);
            }
        }
    }

    @Override
    protected Schema readSchema() throws IOException {
        return source.getVectorSchemaRoot().getSchema();
    }
}
