package dev.assay.dsl.history;

import dev.assay.dsl.drift.ColumnDrift;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftDetector;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionStore;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds a {@link MetricHistory}: the statistics come from the metrics kept with each version,
 * the drift of each version from the one before from their snapshots, each loaded once as a
 * scratch table on the engine (version k is the current side of drift k and the reference of
 * drift k + 1), so N versions cost N loads and N - 1 drifts, with at most two scratch tables
 * at a time. Nothing is cached across histories but what the store keeps.
 */
public final class HistoryCollector {

    private final SqlEngine engine;
    private final VersionStore store;
    private final Function<StoredVersion, VersionMetrics> metrics;

    public HistoryCollector(SqlEngine engine, VersionStore store, Function<StoredVersion, VersionMetrics> metrics) {
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
    }

    /**
     * The history of {@code versions} (of {@code label}, oldest first, at least one), of the
     * columns {@code on} (empty: every column of each version). A column no version has is
     * refused with the closest one; one only some versions have is null in the others.
     */
    public MetricHistory collect(String label, List<StoredVersion> versions, List<String> on) {
        List<String> columns = List.copyOf(new LinkedHashSet<>(on));
        checkColumns(label, versions, columns);
        List<HistoryVersion> entries = new ArrayList<>();
        WorkTable previous = null;
        try {
            for (int k = 0; k < versions.size(); k++) {
                StoredVersion version = versions.get(k);
                List<HistoryColumn> stats = statistics(metrics.apply(version), columns);
                // A single version has nothing to drift from: its snapshot is not read at all.
                WorkTable current = versions.size() > 1 ? loaded(version) : null;
                WorkTable reference = previous;
                previous = current; // from here on the finally drops it, whatever happens
                HistoryDrift drift = null;
                if (reference != null) {
                    try {
                        drift = drift(versions.get(k - 1), reference, version, current, columns);
                    } finally {
                        reference.close(); // done with: at most two snapshots are loaded at a time
                    }
                }
                entries.add(new HistoryVersion(version, store.checkPassed(version.fingerprint()), stats, drift));
            }
        } finally {
            if (previous != null) {
                previous.close();
            }
        }
        return new MetricHistory(label, columns, entries);
    }

    private static void checkColumns(String label, List<StoredVersion> versions, List<String> columns) {
        Set<String> known = new LinkedHashSet<>();
        versions.forEach(v -> v.schema().forEach(c -> known.add(c.name())));
        for (String column : columns) {
            if (!known.contains(column)) {
                throw new IllegalArgumentException("no column '" + column + "' in any version of '" + label + "'"
                        + Suggestions.didYouMean(column, known));
            }
        }
    }

    private static List<HistoryColumn> statistics(VersionMetrics metrics, List<String> columns) {
        List<String> names = columns.isEmpty() ? metrics.columnNames() : columns;
        return names.stream().map(name -> metrics.column(name).map(json -> HistoryColumn.of(name, json))
                .orElseGet(() -> HistoryColumn.absent(name))).toList();
    }

    /** The version's snapshot, checked against its fingerprint, as a scratch table. */
    private WorkTable loaded(StoredVersion version) {
        return WorkTable.ownedBy(WorkTable.named(engine, "history"), table -> {
            new PinLoader(engine, store).load(version, table.name());
            return table;
        });
    }

    /** The {@code auto} drift of every column both versions have (of those asked for). */
    private HistoryDrift drift(StoredVersion before, WorkTable reference, StoredVersion version, WorkTable current,
                               List<String> columns) {
        if (before.rows() == 0 || version.rows() == 0) {
            return HistoryDrift.notCompared((before.rows() == 0 ? before : version).ref() + " has no rows");
        }
        List<String> shared = shared(before, version, columns);
        if (shared.isEmpty()) {
            return HistoryDrift.notCompared(before.ref() + " and " + version.ref() + " have no "
                    + (columns.isEmpty() ? "column" : "asked-for column") + " in common");
        }
        Drift drift;
        try {
            drift = new DriftDetector(engine).compareShared(reference.name(), current.name(), shared);
        } catch (IllegalArgumentException e) { // no shared column has values on both sides
            return HistoryDrift.notCompared(e.getMessage().replace(reference.name(), before.ref())
                    .replace(current.name(), version.ref()));
        }
        return new HistoryDrift(drift.columns().stream().map(ColumnDrift::name).toList(),
                drift.columns().stream().filter(ColumnDrift::drifted).map(ColumnDrift::name).toList(), null);
    }

    /** The columns of {@code before} that {@code version} has too, in {@code before}'s order; only those asked for. */
    private static List<String> shared(StoredVersion before, StoredVersion version, List<String> columns) {
        Set<String> theirs = new LinkedHashSet<>(version.schema().stream().map(Column::name).toList());
        return before.schema().stream().map(Column::name)
                .filter(theirs::contains).filter(c -> columns.isEmpty() || columns.contains(c)).toList();
    }
}
