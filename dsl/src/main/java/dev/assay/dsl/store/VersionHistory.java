package dev.assay.dsl.store;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The versions of a label, oldest first, and the lineage of its latest version: every pinned
 * ancestor reachable through parents (nearest first), each once.
 */
public record VersionHistory(String label, List<StoredVersion> versions, List<StoredVersion> lineage,
                             List<String> missingAncestors) {

    public VersionHistory {
        versions = List.copyOf(versions);
        lineage = List.copyOf(lineage);
        missingAncestors = List.copyOf(missingAncestors);
    }

    public StoredVersion latest() {
        return versions.get(versions.size() - 1);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "versions", "label", label,
                "versions", versions.stream().map(v -> (Object) v.toJson()).toList(),
                "lineage", lineage.stream().map(v -> (Object) v.toJson()).toList(),
                "missing_ancestors", missingAncestors);
    }
}
