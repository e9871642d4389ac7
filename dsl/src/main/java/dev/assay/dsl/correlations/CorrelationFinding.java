package dev.assay.dsl.correlations;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** A pair a reviewer should look at: {@code kind} "strong" for an absolute value above {@link Correlations#STRONG}. */
public record CorrelationFinding(String a, String b, String kind, String message) {

    public Map<String, Object> toJson() {
        return JsonValue.object("a", a, "b", b, "kind", kind, "message", message);
    }
}
