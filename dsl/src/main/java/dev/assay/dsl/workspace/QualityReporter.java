package dev.assay.dsl.workspace;

import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.dsl.labels.Labels;
import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.ColumnProfile;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.suggest.Suggestion;
import dev.assay.dsl.store.Parent;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.store.StoredVersion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Runs the operations a quality report is made of, each the same operation a user would
 * run by hand, so that the report never disagrees with a cell above it: a profile of every
 * column, exact duplicate rows, and near duplicates of the free text (normalized, 0.8, as the
 * samples use); with a second dataset, leakage of whole rows and of near-identical text, and
 * drift of every shared column with the automatic choice of method; when asked, {@code labels}
 * of a label column (against the second dataset when there is one); the check suggested from the
 * profile, tried on the second dataset when there is one; when the dataset is a pinned version,
 * the history of its label up to that version.
 */
final class QualityReporter {

    /** Near-duplicate threshold of the report, the one the quickstart and docs use. */
    static final double NEAR = 0.8;
    /** A text column whose values average at least this many characters is free text, not a category. */
    static final double FREE_TEXT_MEAN_LENGTH = 20;

    private final Workspace workspace;

    QualityReporter(Workspace workspace) {
        this.workspace = workspace;
    }

    QualityReport report(Dataset dataset, Dataset versus) {
        return report(dataset, versus, null);
    }

    /** The report with, when {@code labels} is not null, its labels section (against {@code versus} when there is one). */
    QualityReport report(Dataset dataset, Dataset versus, LabelsPlan labels) {
        if (versus != null) {
            workspace.requireSameEngine(dataset.name(), versus.name()); // before any of its parts runs
        }
        LabelsPlan labelsPlan = labels == null || versus == null ? labels : labels.vs(versus.name());
        // The label is checked first: a misspelt label column fails at once, not after the profile.
        Labels labelsSection = labelsPlan == null ? null : dataset.labels(labelsPlan);
        // Refused before any work: datasets with nothing to compare.
        List<String> theirs = versus == null ? List.of() : names(versus);
        Match shared = versus == null ? null : sharedColumns(dataset, versus, theirs);
        Profile profile = dataset.profile();
        Duplicates rows = dataset.duplicates(Match.allColumns());
        Optional<String> text = freeText(profile);
        Duplicates near = text.map(column -> dataset.duplicates(textMatch(column))).orElse(null);
        QualityReport.Comparison comparison = null;
        if (versus != null) {
            Leakage nearShared = text.filter(theirs::contains).map(column -> dataset.leakage(versus, textMatch(column)))
                    .orElse(null);
            comparison = new QualityReport.Comparison(versus.name(), dataset.leakage(versus, shared), nearShared,
                    dataset.drift(versus, DriftPlan.auto()));
        }
        Suggestion suggestion = dataset.suggestCheck(profile, versus);
        SessionLog log = workspace.sessionLog();
        return new QualityReport(dataset.name(), profile, rows, near, comparison, log.pins(), log.checks(),
                Instant.now(), null, workspace.outputRule(), labelsSection, suggestion, history(dataset));
    }

    /**
     * The history of the label up to the version the dataset is, when it is one: its lineage is
     * exactly one pinned version and no statement since ({@code load pin}, or {@code pin} of it).
     * Lineage, not the content's fingerprint, decides: it needs no pass over the rows. Null otherwise.
     */
    private MetricHistory history(Dataset dataset) {
        Provenance provenance = workspace.lineage().of(dataset.name());
        if (provenance.parents().size() != 1 || !provenance.operations().isEmpty()) {
            return null;
        }
        Parent parent = provenance.parents().get(0);
        List<StoredVersion> versions = workspace.store().versions(parent.label());
        if (parent.version() > versions.size()
                || !versions.get(parent.version() - 1).fingerprint().equals(parent.fingerprint())) {
            return null; // a version of another store (the session changed stores since)
        }
        return workspace.historyUpTo(versions.get(parent.version() - 1));
    }

    private static List<String> names(Dataset dataset) {
        return dataset.schema().stream().map(c -> c.name()).toList();
    }

    /** Whole rows when both have the same columns, else the columns they share by name. */
    private static Match sharedColumns(Dataset dataset, Dataset versus, List<String> theirs) {
        List<String> mine = names(dataset);
        if (mine.equals(theirs)) {
            return Match.allColumns();
        }
        List<String> shared = mine.stream().filter(theirs::contains).toList();
        if (shared.isEmpty()) {
            throw new IllegalArgumentException(dataset.name() + " and " + versus.name()
                    + " have no column in common: a report compares datasets of the same columns");
        }
        return Match.on(shared);
    }

    private static Match textMatch(String column) {
        return Match.on(column).normalized().near(NEAR);
    }

    /** The text column with the longest values, when they are long enough to be prose rather than labels. */
    static Optional<String> freeText(Profile profile) {
        return profile.columns().stream()
                .filter(c -> c.kind() == ColumnKind.TEXT && c.length() != null && c.length().mean() >= FREE_TEXT_MEAN_LENGTH)
                .max(Comparator.comparingDouble((ColumnProfile c) -> c.length().mean()))
                .map(ColumnProfile::name);
    }
}
