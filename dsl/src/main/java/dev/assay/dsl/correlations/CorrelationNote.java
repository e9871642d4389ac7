package dev.assay.dsl.correlations;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * Why a column's correlations are null or left out (a constant column, one of only NULLs, a
 * type no method applies to): pandas gives NaN there without saying why.
 */
public record CorrelationNote(String column, String message) {

    public Map<String, Object> toJson() {
        return JsonValue.object("column", column, "message", message);
    }
}
