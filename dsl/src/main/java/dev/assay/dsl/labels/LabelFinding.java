package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * Something about the labels a reviewer must see: {@code kind} is one of {@code minority_class},
 * {@code imbalance}, {@code conflicts}, {@code leak}, {@code identifier}, {@code new_labels};
 * {@code subject} the class value or column it is about (null for the whole dataset);
 * {@code rows} how many rows it touches (findings are listed by it, most first).
 */
public record LabelFinding(String kind, String subject, long rows, String message) {

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", kind, "subject", subject, "rows", rows, "message", message);
    }
}
