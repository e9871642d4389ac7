package dev.assay.spark;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.util.Text;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Arrow batches computed in Java as Spark rows, for {@code SqlEngine.createTable}: each Arrow
 * type as the Spark type that holds the same values (unsigned integers one size wider,
 * 64-bit unsigned as DECIMAL(20,0)); lists of such values as arrays; anything else as text.
 */
final class ArrowRows {

    private ArrowRows() {
    }

    static StructType schema(List<Field> fields) {
        List<StructField> out = new ArrayList<>();
        for (Field f : fields) {
            out.add(DataTypes.createStructField(f.getName(), sparkType(f), true));
        }
        return DataTypes.createStructType(out);
    }

    static DataType sparkType(Field field) {
        ArrowType type = field.getType();
        if (type instanceof ArrowType.Bool) {
            return DataTypes.BooleanType;
        }
        if (type instanceof ArrowType.Int i) {
            int bits = i.getIsSigned() ? i.getBitWidth() : i.getBitWidth() * 2;
            return switch (bits) {
                case 8 -> DataTypes.ByteType;
                case 16 -> DataTypes.ShortType;
                case 32 -> DataTypes.IntegerType;
                case 64 -> DataTypes.LongType;
                default -> DataTypes.createDecimalType(20, 0);
            };
        }
        if (type instanceof ArrowType.FloatingPoint f) {
            return f.getPrecision() == FloatingPointPrecision.SINGLE
                    ? DataTypes.FloatType : DataTypes.DoubleType;
        }
        if (type instanceof ArrowType.Decimal d) {
            return DataTypes.createDecimalType(d.getPrecision(), d.getScale());
        }
        if (type instanceof ArrowType.Binary || type instanceof ArrowType.LargeBinary) {
            return DataTypes.BinaryType;
        }
        if (type instanceof ArrowType.Date) {
            return DataTypes.DateType;
        }
        if (type instanceof ArrowType.Timestamp t) {
            return t.getTimezone() == null ? DataTypes.TimestampNTZType : DataTypes.TimestampType;
        }
        if (type instanceof ArrowType.List || type instanceof ArrowType.LargeList) {
            return DataTypes.createArrayType(sparkType(field.getChildren().get(0)), true);
        }
        return DataTypes.StringType;
    }

    /** The rows of one batch, values converted for {@link #schema}. */
    static List<Row> rows(VectorSchemaRoot root) {
        List<FieldVector> vectors = root.getFieldVectors();
        List<Row> rows = new ArrayList<>(root.getRowCount());
        for (int r = 0; r < root.getRowCount(); r++) {
            Object[] values = new Object[vectors.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = value(vectors.get(c), r);
            }
            rows.add(RowFactory.create(values));
        }
        return rows;
    }

    private static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof DateDayVector days) {
            // The client's row encoder takes java.sql types; a Date is read back by its local fields.
            return Date.valueOf(LocalDate.ofEpochDay(days.get(row)));
        }
        if (vector instanceof TimeStampVector stamps) {
            ArrowType.Timestamp type = (ArrowType.Timestamp) stamps.getField().getType();
            Object local = stamps.getObject(row); // LocalDateTime without a zone; epoch number with one
            if (type.getTimezone() == null) {
                return local;
            }
            long raw = stamps.get(row);
            return Timestamp.from(switch (type.getUnit()) {
                case SECOND -> Instant.ofEpochSecond(raw);
                case MILLISECOND -> Instant.ofEpochMilli(raw);
                case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000L), Math.floorMod(raw, 1_000_000L) * 1000);
                case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000_000L), Math.floorMod(raw, 1_000_000_000L));
            });
        }
        if (vector instanceof ListVector list) {
            FieldVector data = list.getDataVector();
            List<Object> elements = new ArrayList<>();
            for (int i = list.getElementStartIndex(row); i < list.getElementEndIndex(row); i++) {
                elements.add(value(data, i));
            }
            return elements;
        }
        Object value = vector.getObject(row);
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (value instanceof Long unsigned && sparkType(vector.getField()) instanceof DecimalType) {
            return new BigDecimal(Long.toUnsignedString(unsigned));
        }
        if (value instanceof Character c) {
            return (int) c; // UInt2 reads as a char
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return widen(vector, (Number) value);
        }
        if (value instanceof byte[] || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        return String.valueOf(value);
    }

    /** Unsigned values are read into the next wider signed type. */
    private static Object widen(FieldVector vector, Number value) {
        ArrowType.Int type = (ArrowType.Int) vector.getField().getType();
        if (type.getIsSigned()) {
            return value;
        }
        return switch (type.getBitWidth()) {
            case 8 -> (short) Byte.toUnsignedInt(value.byteValue());
            case 16 -> Short.toUnsignedInt(value.shortValue());
            default -> Integer.toUnsignedLong(value.intValue());
        };
    }
}
