package dev.assay.dsl.duplicates;

import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact (and optionally near) duplicates of a dataset. {@code duplicateRows} is rows minus
 * distinct keys, {@code groups} the keys occurring more than once, {@code largest} the biggest
 * groups (ties: earliest first); {@code near} is null unless near duplicates were asked for.
 */
public record Duplicates(String dataset, long rows, List<String> on, boolean normalize, long duplicateRows,
                         long groups, List<DuplicateGroup> largest, NearSummary near) {

    public Duplicates {
        on = List.copyOf(on);
        largest = List.copyOf(largest);
    }

    /** The stable, machine-readable form (docs/architecture.md, "Results and their JSON"). */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", "duplicates");
        json.put("dataset", dataset);
        json.put("rows", rows);
        json.put("on", on);
        json.put("normalize", normalize);
        json.put("duplicate_rows", duplicateRows);
        json.put("groups", groups);
        List<Object> groupsJson = new ArrayList<>();
        for (DuplicateGroup g : largest) {
            Map<String, Object> values = new LinkedHashMap<>();
            g.values().forEach((k, v) -> values.put(k, JsonValue.of(v)));
            groupsJson.add(JsonValue.object("count", g.count(), "first_row", g.firstRow(), "values", values));
        }
        json.put("largest", groupsJson);
        json.put("near", near == null ? null : nearJson(near));
        return json;
    }

    private static Map<String, Object> nearJson(NearSummary near) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("column", near.column());
        json.put("threshold", near.threshold());
        json.put("clusters", near.clusters());
        json.put("rows_in_clusters", near.rowsInClusters());
        List<Object> clusters = new ArrayList<>();
        for (NearCluster c : near.largest()) {
            clusters.add(JsonValue.object("rows", c.rows(), "first_row", c.firstRow(), "examples", c.examples()));
        }
        json.put("largest", clusters);
        json.put("method", near.banding().toJson());
        return json;
    }
}
