import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One comparison of the benchmark table: Assay's figure and the baseline's, measured in the
 * same run, in the same unit. The keys of {@link #json()} are the format every part of the
 * harness writes (the Python parts too); bench/python/table.py computes ratios and verdicts.
 */
record BenchRow(String section, String what, String timed, Double assay, Double baseline, String baselineWhat,
                String unit, String better, Double targetRatio, String note) {

    static BenchRow seconds(String section, String what, String timed, double assay, double baseline, String baselineWhat,
                            Double targetRatio) {
        return new BenchRow(section, what, timed, assay, baseline, baselineWhat, "s", "lower", targetRatio, "");
    }

    BenchRow withNote(String text) {
        return new BenchRow(section, what, timed, assay, baseline, baselineWhat, unit, better, targetRatio, text);
    }

    String json() {
        List<String> fields = new ArrayList<>();
        fields.add(pair("section", section));
        fields.add(pair("what", what));
        fields.add(pair("timed", timed));
        fields.add("\"assay\": " + number(assay));
        fields.add("\"baseline\": " + number(baseline));
        fields.add(pair("baseline_what", baselineWhat));
        fields.add(pair("unit", unit));
        fields.add(pair("better", better));
        fields.add("\"target_ratio\": " + number(targetRatio));
        fields.add(pair("note", note));
        return "{" + String.join(", ", fields) + "}";
    }

    static String json(List<BenchRow> rows) {
        return "[\n  " + String.join(",\n  ", rows.stream().map(BenchRow::json).toList()) + "\n]\n";
    }

    private static String pair(String key, String value) {
        return "\"" + key + "\": " + (value == null ? "null" : quote(value));
    }

    private static String number(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? "null" : String.format(Locale.ROOT, "%.6g", value);
    }

    /** A JSON string literal of {@code s}. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
