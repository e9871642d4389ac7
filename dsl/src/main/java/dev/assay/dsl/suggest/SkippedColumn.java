package dev.assay.dsl.suggest;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** A column no rule names, and why (its name cannot be written in a check). */
public record SkippedColumn(String column, String reason) {

    public Map<String, Object> toJson() {
        return JsonValue.object("column", column, "reason", reason);
    }
}
