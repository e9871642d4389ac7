package dev.assay.dsl.result;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cell values of results in their JSON form: numbers and text as they are, times as ISO text, NaN as text. */
public final class JsonValue {

    private JsonValue() {
    }

    /** One cell value in its JSON form. */
    public static Object of(Object v) {
        if (v == null || v instanceof String || v instanceof Boolean || v instanceof Long || v instanceof Integer
                || v instanceof Short || v instanceof Byte || v instanceof BigDecimal
                || v instanceof BigInteger) {
            return v;
        }
        if (v instanceof Double d) {
            return Double.isFinite(d) ? d : nonFinite(d);
        }
        if (v instanceof Float f) {
            return Float.isFinite(f) ? (Object) f.doubleValue() : nonFinite(f);
        }
        if (v instanceof LocalDateTime t) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(t);
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (v instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (v instanceof List<?> list) {
            return list.stream().map(JsonValue::of).toList();
        }
        return v.toString();
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
    }

    /** A JSON object with its keys in the order given: {@code object("kind", "x", "rows", 3)}. */
    public static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            json.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return json;
    }
}
