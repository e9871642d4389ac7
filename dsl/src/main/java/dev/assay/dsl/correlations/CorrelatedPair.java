package dev.assay.dsl.correlations;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** The correlation of columns {@code a} and {@code b} (a before b in the matrix) by {@code method} (never auto). */
public record CorrelatedPair(String a, String b, CorrelationMethod method, double value) {

    public Map<String, Object> toJson() {
        return JsonValue.object("a", a, "b", b, "method", method.keyword(), "value", JsonValue.of(value));
    }
}
