package dev.assay.spark;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Spark rows, streamed from the engine, as Arrow batches: what {@code SqlEngine.arrowQuery}
 * hands to row-level work in Java. Numbers, text, bytes, decimals, dates and timestamps keep
 * their types; other values (lists, structs, maps, intervals) travel as their text.
 */
final class RowBatchReader extends ArrowReader {

    private final Iterator<Row> rows;
    private final StructType schema;
    private final int batchRows;
    private final Runnable onClose;

    RowBatchReader(BufferAllocator allocator, StructType schema, Iterator<Row> rows, int batchRows, Runnable onClose) {
        super(allocator);
        this.rows = rows;
        this.schema = schema;
        this.batchRows = batchRows;
        this.onClose = onClose;
    }

    @Override
    public boolean loadNextBatch() throws IOException {
        prepareLoadNextBatch();
        if (!rows.hasNext()) {
            return false;
        }
        VectorSchemaRoot root = getVectorSchemaRoot();
        root.allocateNew();
        List<FieldVector> vectors = root.getFieldVectors();
        StructField[] fields = schema.fields();
        int n = 0;
        while (n < batchRows && rows.hasNext()) {
            Row row = rows.next();
            for (int c = 0; c < fields.length; c++) {
                set(vectors.get(c), fields[c].dataType(), n, row.get(c));
            }
            n++;
        }
        for (FieldVector vector : vectors) {
            vector.setValueCount(n);
        }
        root.setRowCount(n);
        return true;
    }

    @Override
    public long bytesRead() {
        return 0;
    }

    @Override
    protected void closeReadSource() {
        onClose.run();
    }

    @Override
    protected Schema readSchema() {
        List<Field> fields = new ArrayList<>();
        for (StructField f : schema.fields()) {
            fields.add(new Field(f.name(), FieldType.nullable(arrowType(f.dataType())), null));
        }
        return new Schema(fields);
    }

    static ArrowType arrowType(DataType type) {
        if (type instanceof BooleanType) {
            return ArrowType.Bool.INSTANCE;
        }
        if (type instanceof ByteType) {
            return new ArrowType.Int(8, true);
        }
        if (type instanceof ShortType) {
            return new ArrowType.Int(16, true);
        }
        if (type instanceof IntegerType) {
            return new ArrowType.Int(32, true);
        }
        if (type instanceof LongType) {
            return new ArrowType.Int(64, true);
        }
        if (type instanceof FloatType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
        }
        if (type instanceof DoubleType) {
            return new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
        }
        if (type instanceof DecimalType d) {
            return new ArrowType.Decimal(d.precision(), d.scale(), 128);
        }
        if (type instanceof BinaryType) {
            return ArrowType.Binary.INSTANCE;
        }
        if (type instanceof DateType) {
            return new ArrowType.Date(DateUnit.DAY);
        }
        if (type instanceof TimestampType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
        }
        if (type instanceof TimestampNTZType) {
            return new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
        }
        return ArrowType.Utf8.INSTANCE;
    }

    private static void set(FieldVector vector, DataType type, int i, Object value) {
        if (value == null) {
            vector.setNull(i);
            return;
        }
        if (vector instanceof BitVector v) {
            v.setSafe(i, (Boolean) value ? 1 : 0);
        } else if (vector instanceof TinyIntVector v) {
            v.setSafe(i, (Byte) value);
        } else if (vector instanceof SmallIntVector v) {
            v.setSafe(i, (Short) value);
        } else if (vector instanceof IntVector v) {
            v.setSafe(i, (Integer) value);
        } else if (vector instanceof BigIntVector v) {
            v.setSafe(i, (Long) value);
        } else if (vector instanceof Float4Vector v) {
            v.setSafe(i, (Float) value);
        } else if (vector instanceof Float8Vector v) {
            v.setSafe(i, (Double) value);
        } else if (vector instanceof DecimalVector v) {
            v.setSafe(i, ((BigDecimal) value).setScale(((DecimalType) type).scale()));
        } else if (vector instanceof VarBinaryVector v) {
            v.setSafe(i, (byte[]) value);
        } else if (vector instanceof DateDayVector v) {
            LocalDate day = value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
            v.setSafe(i, Math.toIntExact(day.toEpochDay()));
        } else if (vector instanceof TimeStampMicroTZVector v) {
            Instant instant = value instanceof Timestamp t ? t.toInstant() : (Instant) value;
            v.setSafe(i, ChronoUnit.MICROS.between(Instant.EPOCH, instant));
        } else if (vector instanceof TimeStampMicroVector v) {
            LocalDateTime local = (LocalDateTime) value;
            v.setSafe(i, ChronoUnit.MICROS.between(Instant.EPOCH, local.toInstant(ZoneOffset.UTC)));
        } else {
            Object shown = SparkValues.value(value);
            ((VarCharVector) vector).setSafe(i, String.valueOf(shown).getBytes(StandardCharsets.UTF_8));
        }
    }
}
