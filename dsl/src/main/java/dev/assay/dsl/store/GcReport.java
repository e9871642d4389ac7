package dev.assay.dsl.store;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * What {@code gc} removed from a store: snapshot files no version refers to, the bytes of all
 * it removed, how many snapshots it kept, and the metrics and check records of content no version
 * refers to (file names, {@code HEX.json}).
 */
public record GcReport(String store, List<String> removed, long freedBytes, int kept, List<String> removedMetrics,
        List<String> removedChecks) {

    public GcReport {
        removed = List.copyOf(removed);
        removedMetrics = List.copyOf(removedMetrics);
        removedChecks = List.copyOf(removedChecks);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "gc", "store", store, "removed", removed, "freed_bytes", freedBytes,
                "kept", kept, "removed_metrics", removedMetrics, "removed_checks", removedChecks);
    }
}
