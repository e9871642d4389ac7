package dev.assay.dsl.store;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/** What {@code gc} removed from a store: snapshot files no version refers to, and the bytes freed. */
public record GcReport(String store, List<String> removed, long freedBytes, int kept) {

    public GcReport {
        removed = List.copyOf(removed);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "gc", "store", store, "removed", removed, "freed_bytes", freedBytes,
                "kept", kept);
    }
}
