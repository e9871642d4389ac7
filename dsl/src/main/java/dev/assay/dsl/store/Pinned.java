package dev.assay.dsl.store;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * What {@code pin} did: {@code version} is the label's new version, or (when {@code added} is
 * false) its latest one, whose content was already the same.
 */
public record Pinned(String dataset, StoredVersion version, boolean added) {

    public Map<String, Object> toJson() {
        Map<String, Object> json = version.toJson();
        Map<String, Object> out = JsonValue.object("kind", "pin", "dataset", dataset);
        out.putAll(json);
        out.put("added", added);
        return out;
    }
}
