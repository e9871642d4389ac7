package dev.assay.dsl.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Spark's type names ({@code DataType.simpleString()}: {@code bigint}, {@code decimal(10,2)},
 * {@code array<struct<x:int>>}) as Assay's logical type names ({@link LogicalType}), so that
 * a dataset has the same schema, and fingerprint, on either engine. Plain text parsing, no
 * Spark classes: the rules are in docs/types.md.
 */
public final class SparkTypeNames {

    private static final Map<String, String> SIMPLE = Map.ofEntries(
            Map.entry("boolean", "BOOLEAN"), Map.entry("tinyint", "TINYINT"), Map.entry("byte", "TINYINT"),
            Map.entry("smallint", "SMALLINT"), Map.entry("short", "SMALLINT"), Map.entry("int", "INTEGER"),
            Map.entry("integer", "INTEGER"), Map.entry("bigint", "BIGINT"), Map.entry("long", "BIGINT"),
            Map.entry("float", "FLOAT"), Map.entry("real", "FLOAT"), Map.entry("double", "DOUBLE"),
            Map.entry("string", "VARCHAR"), Map.entry("binary", "BLOB"), Map.entry("date", "DATE"),
            Map.entry("timestamp", "TIMESTAMP WITH TIME ZONE"), Map.entry("timestamp_ltz", "TIMESTAMP WITH TIME ZONE"),
            Map.entry("timestamp_ntz", "TIMESTAMP"), Map.entry("void", "NULL"));
    private static final Pattern DECIMAL = Pattern.compile("decimal\\((\\d+),\\s*(\\d+)\\)");
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private SparkTypeNames() {
    }

    /** The logical type name of a Spark type's simple string; a name it does not know is refused, named. */
    public static String toLogical(String sparkType) {
        String t = sparkType.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        String simple = SIMPLE.get(lower);
        if (simple != null) {
            return simple;
        }
        var decimal = DECIMAL.matcher(lower);
        if (decimal.matches()) {
            return "DECIMAL(" + decimal.group(1) + "," + decimal.group(2) + ")";
        }
        if (lower.matches("(var)?char\\(\\d+\\)")) {
            return "VARCHAR";
        }
        if (lower.startsWith("interval")) {
            return "INTERVAL";
        }
        if (lower.startsWith("array<") && t.endsWith(">")) {
            return toLogical(t.substring(6, t.length() - 1)) + "[]";
        }
        if (lower.startsWith("map<") && t.endsWith(">")) {
            List<String> kv = splitTopLevel(t.substring(4, t.length() - 1));
            if (kv.size() == 2) {
                return "MAP(" + toLogical(kv.get(0)) + ", " + toLogical(kv.get(1)) + ")";
            }
        }
        if (lower.startsWith("struct<") && t.endsWith(">")) {
            List<String> fields = new ArrayList<>();
            for (String field : splitTopLevel(t.substring(7, t.length() - 1))) {
                int colon = field.indexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("Spark struct field without a type: '" + field + "' in " + sparkType);
                }
                String name = field.substring(0, colon);
                String quoted = PLAIN_NAME.matcher(name).matches() ? name : "\"" + name.replace("\"", "\"\"") + "\"";
                fields.add(quoted + " " + toLogical(field.substring(colon + 1)));
            }
            return "STRUCT(" + String.join(", ", fields) + ")";
        }
        throw new IllegalArgumentException("Spark type '" + sparkType + "' has no Assay type (docs/types.md)");
    }

    /** Splits at commas outside angle brackets and parentheses. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(s.substring(start, i).strip());
                start = i + 1;
            }
        }
        out.add(s.substring(start).strip());
        return out;
    }
}
