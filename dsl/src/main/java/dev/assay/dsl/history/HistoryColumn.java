package dev.assay.dsl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * One column of one version in a history: the statistics its kept profile shows (missing and
 * distinct counts, mean, std, min, max, quantiles), exactly as {@code profile} showed them;
 * every field null when the version has no such column.
 */
public record HistoryColumn(String name, boolean present, Long missing, Long distinct, Double mean, Double std,
                            Object min, Object max, Map<String, Object> quantiles) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The column as the version's profile JSON gives it. */
    @SuppressWarnings("unchecked")
    static HistoryColumn of(String name, JsonNode profiled) {
        return new HistoryColumn(name, true, whole(profiled.path("missing")), whole(profiled.path("distinct")),
                number(profiled.path("mean")), number(profiled.path("std")), value(profiled.path("min")),
                value(profiled.path("max")),
                profiled.path("quantiles").isObject() ? JSON.convertValue(profiled.path("quantiles"), Map.class) : null);
    }

    /** A column the version does not have. */
    public static HistoryColumn absent(String name) {
        return new HistoryColumn(name, false, null, null, null, null, null, null, null);
    }

    private static Long whole(JsonNode n) {
        return n.isNumber() ? n.longValue() : null;
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.doubleValue() : null;
    }

    /** A min or max as the profile's JSON holds it: a number, or text (times, words). */
    private static Object value(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : JSON.convertValue(n, Object.class);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("name", name, "missing", missing, "distinct", distinct, "mean", mean, "std", std,
                "min", min, "max", max, "quantiles", quantiles);
    }
}
