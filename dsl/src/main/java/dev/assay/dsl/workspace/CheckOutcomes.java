package dev.assay.dsl.workspace;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.store.StoredCheck;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionStore;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Records the outcome of each check with the pinned version it checked (docs/versions.md,
 * "Metrics and check outcomes"): at once when the dataset is a version of the store (loaded
 * with {@code load pin}, or pinned and not replaced since), else remembered with the dataset's
 * identity and recorded when that same relation is pinned. Recording never changes a verdict:
 * a store that cannot be written gets a warning on standard error (the cell's stderr in a
 * notebook) and the check's result stands.
 */
final class CheckOutcomes {

    private record Remembered(Lineage.Identity identity, List<StoredCheck> checks) {
    }

    private final Workspace workspace;
    /** Checks of datasets that were not a pinned version yet, by dataset name. */
    private final Map<String, Remembered> remembered = new HashMap<>();

    CheckOutcomes(Workspace workspace) {
        this.workspace = workspace;
    }

    /** A check of its dataset was measured (passed or failed). */
    synchronized void checked(CheckResult result) {
        String dataset = result.dataset();
        StoredCheck check = stored(result);
        Optional<StoredVersion> version = pinnedVersion(dataset);
        if (version.isPresent()) {
            record(version.get(), List.of(check));
            return;
        }
        Optional<Lineage.Identity> identity = workspace.lineage().identity(dataset);
        if (identity.isEmpty()) {
            return;
        }
        Remembered before = remembered.get(dataset);
        List<StoredCheck> checks = new ArrayList<>();
        if (before != null && before.identity().equals(identity.get())) {
            checks.addAll(before.checks()); // the same relation checked again: every outcome counts
        }
        checks.add(check);
        remembered.put(dataset, new Remembered(identity.get(), List.copyOf(checks)));
    }

    /**
     * A dataset was pinned. Its remembered checks are recorded with that content if they were
     * made of the same relation; a dataset replaced since its check (same name, another
     * relation) records nothing.
     */
    synchronized void pinned(Pinned pinned) {
        Remembered before = remembered.remove(pinned.dataset());
        Optional<Lineage.Identity> identity = workspace.lineage().identity(pinned.dataset());
        if (before != null && identity.isPresent() && before.identity().equals(identity.get())) {
            record(pinned.version(), before.checks());
        }
    }

    /** The version of this store the dataset is exactly (its lineage is that pin, with nothing done since). */
    private Optional<StoredVersion> pinnedVersion(String dataset) {
        Provenance provenance = workspace.lineage().of(dataset);
        if (provenance.parents().size() != 1 || !provenance.equals(Provenance.pinned(provenance.parents().get(0)))) {
            return Optional.empty();
        }
        Parent parent = provenance.parents().get(0);
        VersionStore store = workspace.store();
        try {
            List<StoredVersion> versions = store.versions(parent.label());
            return parent.version() <= versions.size()
                    && versions.get(parent.version() - 1).fingerprint().equals(parent.fingerprint())
                    ? Optional.of(versions.get(parent.version() - 1)) : Optional.empty();
        } catch (RuntimeException e) {
            warn("the outcome of the check of " + dataset + " was not recorded: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** Adds the checks to the record of the version's content, under the store's lock. */
    private void record(StoredVersion version, List<StoredCheck> checks) {
        VersionStore store = workspace.store();
        try {
            store.write(workspace.engine()::isCancelled, writer -> {
                checks.forEach(c -> writer.recordCheck(version.fingerprint(), c));
                return null;
            });
        } catch (RuntimeException e) {
            warn("the outcome of the check of " + checks.get(0).dataset() + " was not recorded with " + version.ref()
                    + " in the store at " + store.root() + ": " + e.getMessage());
        }
    }

    private static StoredCheck stored(CheckResult result) {
        List<String> rules = result.rules().stream().map(o -> o.rule().text()).toList();
        List<String> failed = result.failures().stream().map(RuleOutcome::rule).map(r -> r.text()).toList();
        return new StoredCheck(Instant.now().truncatedTo(ChronoUnit.MILLIS), result.dataset(), result.passed(), rules, failed);
    }

    /** The process's standard error at the time of the warning: the running cell's in a kernel. */
    private static void warn(String message) {
        PrintStream err = System.err;
        err.println("assay: warning: " + message);
        err.flush();
    }
}
