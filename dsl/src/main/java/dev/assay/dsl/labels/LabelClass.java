package dev.assay.dsl.labels;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** One label value: how many labelled rows carry it and their share (0 to 1) of the labelled rows. */
public record LabelClass(Object value, long count, double share) {

    public Map<String, Object> toJson() {
        return JsonValue.object("value", JsonValue.of(value), "count", count, "share", share);
    }
}
