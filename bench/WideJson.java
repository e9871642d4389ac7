import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** JSON text of maps, lists, strings, numbers and booleans: the wide benchmark's results file. */
final class WideJson {

    private WideJson() {
    }

    static String write(Object value) {
        return write(value, "");
    }

    private static String write(Object value, String indent) {
        String inner = indent + "  ";
        if (value == null) {
            return "null";
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "{}" : map.entrySet().stream()
                    .map(e -> inner + BenchRow.quote(String.valueOf(e.getKey())) + ": " + write(e.getValue(), inner))
                    .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? "[]" : list.stream().map(v -> inner + write(v, inner))
                    .collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", d);
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return BenchRow.quote(value.toString());
    }
}
