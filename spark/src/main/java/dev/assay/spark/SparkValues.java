package dev.assay.spark;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import scala.collection.Iterable;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Cells of Spark rows as the plain Java values operations read from DuckDB (String, Long,
 * Double, BigDecimal, LocalDate, Instant, List, Map of a struct's fields, hex text of bytes).
 */
final class SparkValues {

    private SparkValues() {
    }

    static List<Object> row(Row row) {
        List<Object> values = new ArrayList<>(row.size());
        for (int i = 0; i < row.size(); i++) {
            values.add(value(row.get(i)));
        }
        return values;
    }

    static Object value(Object cell) {
        if (cell == null) {
            return null;
        }
        if (cell instanceof Date date) {
            return date.toLocalDate();
        }
        if (cell instanceof Timestamp stamp) {
            return stamp.toInstant();
        }
        if (cell instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (cell instanceof Row struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            StructField[] names = struct.schema().fields();
            for (int i = 0; i < names.length; i++) {
                fields.put(names[i].name(), value(struct.get(i)));
            }
            return fields;
        }
        if (cell instanceof scala.collection.Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            CollectionConverters.asJava(map).forEach((k, v) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("key", value(k));
                entry.put("value", value(v));
                entries.add(entry);
            });
            return entries;
        }
        if (cell instanceof Iterable<?> seq) {
            List<Object> elements = new ArrayList<>();
            CollectionConverters.asJava(seq).forEach(e -> elements.add(value(e)));
            return elements;
        }
        return cell;
    }
}
