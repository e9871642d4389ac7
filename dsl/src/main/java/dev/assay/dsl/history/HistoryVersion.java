package dev.assay.dsl.history;

import dev.assay.dsl.result.JsonValue;
import dev.assay.dsl.store.StoredVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version in a history: the version, whether the latest check of its content passed (null:
 * never checked), its columns' statistics and its drift from the version before (null for the first).
 */
public record HistoryVersion(StoredVersion version, Boolean checkPassed, List<HistoryColumn> columns,
                             HistoryDrift driftFromPrevious) {

    public HistoryVersion {
        columns = List.copyOf(columns);
    }

    /** The column of that name; empty when this version's entry has none. */
    public Optional<HistoryColumn> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public boolean checkFailed() {
        return Boolean.FALSE.equals(checkPassed);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("version", version.version(), "fingerprint", version.fingerprint().value(),
                "created", version.created().toString(), "rows", version.rows(), "check_passed", checkPassed,
                "columns", columns.stream().map(HistoryColumn::toJson).toList(),
                "drift_from_previous", driftFromPrevious == null ? null : driftFromPrevious.toJson());
    }
}
