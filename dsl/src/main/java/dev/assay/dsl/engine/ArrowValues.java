package dev.assay.dsl.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;
import org.apache.arrow.vector.UInt8Vector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.util.Text;

/** Cells of an Arrow batch as plain Java values (String, Long, Double, BigDecimal, LocalDate, ...). */
final class ArrowValues {

    private ArrowValues() {
    }

    static List<List<Object>> rows(VectorSchemaRoot root, int limit) {
        int n = Math.min(limit, root.getRowCount());
        List<List<Object>> rows = new ArrayList<>(n);
        for (int r = 0; r < n; r++) {
            List<Object> row = new ArrayList<>(root.getFieldVectors().size());
            for (FieldVector vector : root.getFieldVectors()) {
                row.add(value(vector, r));
            }
            rows.add(row);
        }
        return rows;
    }

    static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof DateDayVector days) {
            return LocalDate.ofEpochDay(days.get(row));
        }
        if (vector instanceof TimeStampVector stamps) {
            return timestamp(stamps, row);
        }
        if (vector instanceof ListVector list) {
            return elements(list, row);
        }
        if (vector instanceof StructVector struct) {
            return fields(struct, row);
        }
        Object unsigned = unsigned(vector, row);
        if (unsigned != null) {
            return unsigned;
        }
        Object value = vector.getObject(row);
        if (value instanceof Text text) {
            return text.toString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return value;
    }

    /**
     * An unsigned integer as its number: Arrow's own objects for them are signed (a UTINYINT 200
     * is the byte -56) or, for 16 bits, a {@code Character}; null for any other vector.
     */
    private static Object unsigned(FieldVector vector, int row) {
        if (vector instanceof UInt1Vector v) {
            return (int) v.getObjectNoOverflow(row);
        }
        if (vector instanceof UInt2Vector v) {
            return (int) v.get(row);
        }
        if (vector instanceof UInt4Vector v) {
            return v.getObjectNoOverflow(row);
        }
        if (vector instanceof UInt8Vector v) {
            return v.getObjectNoOverflow(row);
        }
        return null;
    }

    /**
     * A list's elements converted as top-level values are (Arrow's own nested objects keep dates
     * as day numbers and text as its bytes). A map is a list of {key, value} structs.
     */
    private static List<Object> elements(ListVector list, int row) {
        FieldVector data = list.getDataVector();
        int end = list.getElementEndIndex(row);
        List<Object> values = new ArrayList<>(end - list.getElementStartIndex(row));
        for (int i = list.getElementStartIndex(row); i < end; i++) {
            values.add(value(data, i));
        }
        return values;
    }

    /** A struct's fields by name, each converted as a top-level value is. */
    private static Map<String, Object> fields(StructVector struct, int row) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (FieldVector child : struct.getChildrenFromFields()) {
            fields.put(child.getName(), value(child, row));
        }
        return fields;
    }

    /** Timestamps with a time zone come back as epoch numbers; give them as instants. */
    private static Object timestamp(TimeStampVector vector, int row) {
        ArrowType.Timestamp type = (ArrowType.Timestamp) vector.getField().getType();
        long raw = vector.get(row);
        Instant instant = switch (type.getUnit()) {
            case SECOND -> Instant.ofEpochSecond(raw);
            case MILLISECOND -> Instant.ofEpochMilli(raw);
            case MICROSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000L), Math.floorMod(raw, 1_000_000L) * 1000);
            case NANOSECOND -> Instant.ofEpochSecond(Math.floorDiv(raw, 1_000_000_000L), Math.floorMod(raw, 1_000_000_000L));
        };
        return type.getTimezone() == null ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
    }
}
