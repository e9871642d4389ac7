package dev.assay.dsl.workspace;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * What {@code use} did: engine {@code engine} (at {@code location}, null for its default) is
 * where new datasets are made now; {@code opened} false when it was open already.
 */
public record EngineUse(String engine, String location, boolean opened) {

    /** {"kind":"use","engine","location"}. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "use", "engine", engine, "location", location);
    }
}
