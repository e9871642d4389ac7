package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * Something about the labels a reviewer must see: {@code kind} is one of {@code minority_class},
 * {@code imbalance}, {@code conflicts}, {@code leak}, {@code identifier}, {@code new_labels};
 * {@code subject} the class value or column it is about (null for the whole dataset).
 */
public record LabelFinding(String kind, String subject, String message) {

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", kind, "subject", subject, "message", message);
    }
}
