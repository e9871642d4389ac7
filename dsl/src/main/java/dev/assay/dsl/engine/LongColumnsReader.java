package dev.assay.dsl.engine;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Columns of 64-bit integers computed in Java (the first {@code length} values of each
 * array), served as Arrow batches for {@link SqlEngine#createTable}. The arrays stay on the
 * heap; only one batch at a time is copied into Arrow memory.
 */
public final class LongColumnsReader extends ArrowReader {

    static final int BATCH_ROWS = 65_536;

    private final List<String> names;
    private final List<long[]> columns;
    private final int length;
    private int next;

    public LongColumnsReader(BufferAllocator allocator, List<String> names, List<long[]> columns, int length) {
        super(allocator);
        if (names.size() != columns.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + columns.size() + " columns");
        }
        for (long[] c : columns) {
            if (c.length < length) {
                throw new IllegalArgumentException("a column has " + c.length + " values, fewer than " + length);
            }
        }
        this.names = List.copyOf(names);
        this.columns = List.copyOf(columns);
        this.length = length;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (next >= length) {
            return false;
        }
        int rows = Math.min(BATCH_ROWS, length - next);
        VectorSchemaRoot root = getVectorSchemaRoot();
        for (int c = 0; c < columns.size(); c++) {
            BigIntVector vector = (BigIntVector) root.getVector(c);
            vector.allocateNew(rows);
            long[] values = columns.get(c);
            for (int r = 0; r < rows; r++) {
                vector.set(r, values[next + r]);
            }
            vector.setValueCount(rows);
        }
        root.setRowCount(rows);
        next += rows;
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        // the arrays belong to the caller
    }

    @Override
    protected Schema readSchema() {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(new Field(name, FieldType.notNullable(new ArrowType.Int(64, true)), null));
        }
        return new Schema(fields);
    }
}
