package dev.assay.dsl.drift;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * Which columns moved between a reference and a current dataset. The dataset has drifted
 * when at least half of the compared columns have (Evidently's default share). Columns that
 * could not be compared (in one dataset only, of different kinds, without values) are listed
 * with the reason.
 */
public record Drift(String reference, String current, long referenceRows, long currentRows,
                    List<ColumnDrift> columns, List<Skipped> skipped) {

    /** The share of drifted columns from which the whole dataset counts as drifted. */
    public static final double DATASET_DRIFT_SHARE = 0.5;

    public record Skipped(String name, String reason) {
    }

    public Drift {
        columns = List.copyOf(columns);
        skipped = List.copyOf(skipped);
    }

    public long driftedColumns() {
        return columns.stream().filter(ColumnDrift::drifted).count();
    }

    public double driftedShare() {
        return columns.isEmpty() ? 0 : (double) driftedColumns() / columns.size();
    }

    public boolean datasetDrift() {
        return !columns.isEmpty() && driftedShare() >= DATASET_DRIFT_SHARE;
    }

    public ColumnDrift column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column '" + name + "' in this drift result"));
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "drift", "reference", reference, "current", current,
                "reference_rows", referenceRows, "current_rows", currentRows,
                "columns", columns.stream().map(ColumnDrift::toJson).toList(),
                "skipped", skipped.stream().map(s -> JsonValue.object("name", s.name(), "reason", s.reason())).toList(),
                "drifted_columns", driftedColumns(), "drifted_share", driftedShare(), "dataset_drift", datasetDrift());
    }
}
