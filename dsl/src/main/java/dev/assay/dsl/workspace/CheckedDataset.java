package dev.assay.dsl.workspace;

import dev.assay.dsl.baseline.Baseline;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.check.CheckTarget;
import dev.assay.dsl.correlations.CorrelationMethod;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.dsl.correlations.Correlator;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftDetector;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.history.VersionMetrics;
import dev.assay.dsl.labels.AssociationScan;
import dev.assay.dsl.labels.ClassCounter;
import dev.assay.dsl.labels.ColumnAssociation;
import dev.assay.dsl.labels.ConflictFinder;
import dev.assay.dsl.labels.LabelClasses;
import dev.assay.dsl.profile.PiiCount;
import dev.assay.dsl.profile.ProfiledValue;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Handle;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.Fingerprinter;
import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionRef;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.time.Instant;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The dataset a check measures, as its measures see it: the schema read once (a check of
 * thousands of rules names a column in each), one {@link AggregateScan} for every rule, and each
 * operation over whole rows run once however many rules read it.
 */
final class CheckedDataset implements CheckTarget {

    private final Workspace workspace;
    private final Dataset dataset;
    private final AggregateScan scan;
    private List<Column> schema;
    private final Map<String, Column> byName = new HashMap<>();
    private final Map<List<String>, Long> duplicates = new HashMap<>();
    private final Map<String, Drift> drifts = new HashMap<>();
    /** Label classes by "dataset:label" (this dataset's and the {@code OTHER}s of {@code new_labels}). */
    private final Map<String, LabelClasses> classes = new HashMap<>();
    private final Map<String, Long> conflicts = new HashMap<>();
    private final Map<List<String>, ColumnAssociation> associations = new HashMap<>();
    private final Map<List<String>, Correlations> correlations = new HashMap<>();
    private Fingerprint fingerprint;
    /** Expected fingerprints by the text a rule compares with: a label is looked up once per check. */
    private final Map<String, String> expected = new HashMap<>();
    /** The versions compared with, resolved once when the check is made; null without {@code against}. */
    private final BaselineVersions baseline;
    private final Map<Integer, VersionMetrics> metrics = new HashMap<>();
    private Drift baselineDrift;

    CheckedDataset(Workspace workspace, Dataset dataset, Baseline against) {
        this.workspace = workspace;
        this.dataset = dataset;
        this.scan = new AggregateScan(workspace.engineOf(dataset.name()), dataset.name(), ProfiledValue.INSTANCE);
        this.baseline = against == null ? null
                : BaselineVersions.resolve(workspace.store(), against.label(), ownVersion(against.label()));
    }

    /** The pinned version of {@code label} this dataset is, unchanged (loaded or just pinned); null otherwise. */
    private Parent ownVersion(String label) {
        Provenance lineage = workspace.lineage().of(dataset.name());
        boolean pinned = lineage.operations().isEmpty() && lineage.parents().size() == 1
                && lineage.parents().get(0).label().equals(label);
        return pinned ? lineage.parents().get(0) : null;
    }

    /** Computes what the measures asked of the scan; nothing when they asked nothing. */
    void runScan() {
        if (!scan.isEmpty()) {
            scan.run();
        }
    }

    @Override
    public String name() {
        return dataset.name();
    }

    @Override
    public List<Column> schema() {
        if (schema == null) {
            schema = dataset.schema();
            schema.forEach(c -> byName.put(c.name(), c));
        }
        return schema;
    }

    /** From {@link #schema()}; an unknown or repeated name fails as {@link Dataset#columns} says. */
    @Override
    public List<Column> columns(List<String> names) {
        schema();
        List<Column> found = names.stream().map(byName::get).toList();
        if (found.contains(null) || new HashSet<>(names).size() != names.size()) {
            return dataset.columns(names);
        }
        return found;
    }

    @Override
    public Handle<Long> rows() {
        return scan.rows();
    }

    @Override
    public <T> Handle<T> aggregate(Column column, Aggregate<T> aggregate) {
        return scan.add(column, aggregate);
    }

    @Override
    public LongSupplier duplicateRows(List<String> columns) {
        columns(columns);
        return () -> duplicates.computeIfAbsent(columns, on -> dataset.duplicates(Match.on(on)).duplicateRows());
    }

    @Override
    public LongSupplier rowsWithPii(List<Column> textColumns) {
        return () -> PiiCount.rowsWithPii(workspace.engineOf(dataset.name()), dataset.name(), textColumns);
    }

    @Override
    public Supplier<Drift> driftFrom(String reference) {
        workspace.dataset(reference);
        workspace.requireSameEngine(reference, dataset.name()); // refused before the scan reads anything
        return () -> drifts.computeIfAbsent(reference, r -> workspace.dataset(r).drift(dataset));
    }

    @Override
    public Supplier<LabelClasses> labelClasses(String label) {
        return classesOf(dataset, columns(List.of(label)).get(0));
    }

    @Override
    public Supplier<LabelClasses> labelClassesOf(String other, String label) {
        Dataset there = workspace.dataset(other);
        workspace.requireSameEngine(other, dataset.name()); // refused before the scan reads anything
        return classesOf(there, there.columns(List.of(label)).get(0));
    }

    private Supplier<LabelClasses> classesOf(Dataset of, Column label) {
        return () -> classes.computeIfAbsent(of.name() + ":" + label.name(),
                k -> new ClassCounter(workspace.engineOf(of.name())).counted(of.name(), label));
    }

    @Override
    public LongSupplier conflictRows(String label) {
        Column column = columns(List.of(label)).get(0);
        List<Column> features = others(column);
        return () -> conflicts.computeIfAbsent(label, l -> new ConflictFinder(workspace.engineOf(dataset.name()))
                .find(dataset.name(), column, new ResolvedMatch(features, false, null, null)).rows());
    }

    @Override
    public Supplier<ColumnAssociation> association(String column, String label) {
        List<Column> both = columns(List.of(column, label));
        Supplier<LabelClasses> counted = labelClasses(label);
        return () -> associations.computeIfAbsent(List.of(column, label), k -> {
            List<ColumnAssociation> measured = new AssociationScan(workspace.engineOf(dataset.name()))
                    .measure(dataset.name(), both.get(1), List.of(both.get(0)), counted.get());
            return measured.isEmpty() ? null : measured.get(0); // a column the scan cannot measure
        });
    }

    @Override
    public Supplier<Correlations> correlations(String a, String b) {
        List<Column> both = columns(List.of(a, b));
        Correlator.checkColumns(dataset.name(), both, CorrelationMethod.AUTO);
        return () -> correlations.computeIfAbsent(List.of(a, b), k -> new Correlator(workspace.engineOf(dataset.name()))
                .correlate(dataset.name(), dataset.name(), both, CorrelationMethod.AUTO));
    }

    /** Every column but the label; a dataset of the label alone has no features to compare. */
    private List<Column> others(Column label) {
        List<Column> others = schema().stream().filter(c -> !c.equals(label)).toList();
        if (others.isEmpty()) {
            throw new IllegalArgumentException(dataset.name() + " has no column but the label '" + label.name() + "'");
        }
        return others;
    }

    @Override
    public Optional<BaselineVersions> baseline() {
        return Optional.ofNullable(baseline);
    }

    @Override
    public VersionMetrics metrics(StoredVersion version) {
        return metrics.computeIfAbsent(version.version(), v -> workspace.metrics(version));
    }

    /** The baseline version's snapshot loaded (and checked) into a scratch table where this dataset is, then dropped. */
    @Override
    public Supplier<Drift> driftFromBaseline() {
        StoredVersion version = baseline.latest().orElseThrow();
        return () -> {
            if (baselineDrift == null) {
                SqlEngine engine = workspace.engineOf(dataset.name());
                try (WorkTable scratch = WorkTable.named(engine, "baseline")) {
                    new PinLoader(engine, workspace.store()).load(version, scratch.name());
                    try {
                        baselineDrift = new DriftDetector(engine).compare(scratch.name(), dataset.name(), DriftPlan.auto());
                    } catch (IllegalArgumentException e) { // said of the scratch table: say it of the version
                        throw new IllegalArgumentException(e.getMessage().replace(scratch.name(), version.ref()), e);
                    }
                }
            }
            return baselineDrift;
        };
    }

    @Override
    public Instant now() {
        return workspace.clock().instant();
    }

    @Override
    public Supplier<String> fingerprint() {
        return () -> {
            if (fingerprint == null) {
                fingerprint = new Fingerprinter(workspace.engineOf(dataset.name())).of(dataset.name()).fingerprint();
            }
            return fingerprint.value();
        };
    }

    @Override
    public String expectedFingerprint(String written) {
        return expected.computeIfAbsent(written, w -> w.startsWith("sha256:") ? new Fingerprint(w).value()
                : workspace.store().resolve(VersionRef.parse(w)).fingerprint().value());
    }
}
