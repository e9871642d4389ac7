package dev.assay.dsl.report;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.history.MetricHistory;
import dev.assay.dsl.labels.Labels;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.result.JsonValue;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.suggest.Suggestion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A dataset's quality report: its profile (personal-data findings included), exact duplicate
 * rows and, when it has a free-text column, near duplicates of that text; compared with a
 * second dataset, leakage and drift; when asked for a label column, the labels section ({@code labels}
 * of that column, against the second dataset when there is one, null when not asked); and the
 * pins and checks the session has made; the check suggested from its profile (tried on the second
 * dataset when there is one; null in reports made without it). It holds
 * results only; the HTML page is drawn in {@code visualizations}. {@code file} is where the
 * page is to be written (its real, absolute path), or null to show it only; {@code output} is
 * the rule that decides where a report of this workspace may be written. {@code history} is the
 * history of the label up to the dataset's version when the dataset is a pinned version as
 * loaded or pinned (null otherwise).
 */
public record QualityReport(String dataset, Profile profile, Duplicates duplicateRows, Duplicates nearDuplicates,
                            Comparison comparison, List<Pinned> pins, List<CheckResult> checks, Instant created,
                            Path file, OutputRule output, Labels labels, Suggestion suggestion,
                            MetricHistory history) {

    /** A report without a suggested check or a history. */
    public QualityReport(String dataset, Profile profile, Duplicates duplicateRows, Duplicates nearDuplicates,
                         Comparison comparison, List<Pinned> pins, List<CheckResult> checks, Instant created,
                         Path file, OutputRule output, Labels labels) {
        this(dataset, profile, duplicateRows, nearDuplicates, comparison, pins, checks, created, file, output, labels, null,
                null);
    }

    /** A report without a labels section. */
    public QualityReport(String dataset, Profile profile, Duplicates duplicateRows, Duplicates nearDuplicates,
                         Comparison comparison, List<Pinned> pins, List<CheckResult> checks, Instant created,
                         Path file, OutputRule output) {
        this(dataset, profile, duplicateRows, nearDuplicates, comparison, pins, checks, created, file, output, null);
    }

    /** The second dataset's side of a report: what leaks into it and how far it drifted. */
    public record Comparison(String versus, Leakage sharedRows, Leakage nearShared, Drift drift) {

        Map<String, Object> toJson() {
            return JsonValue.object("dataset", versus, "leakage", sharedRows.toJson(),
                    "near_leakage", nearShared == null ? null : nearShared.toJson(), "drift", drift.toJson());
        }
    }

    public QualityReport {
        pins = List.copyOf(pins);
        checks = List.copyOf(checks);
    }

    /**
     * This report, to be written to {@code file} as a page (the kernel writes it; from Java,
     * ReportPage.write): relative to the working folder, where {@link OutputRule} allows.
     */
    public QualityReport to(Path file) {
        return new QualityReport(dataset, profile, duplicateRows, nearDuplicates, comparison, pins, checks, created,
                output.resolve(file), output, labels, suggestion, history);
    }

    /** {@link #to(Path)} of a path as a statement wrote it. */
    public QualityReport to(String file) {
        return new QualityReport(dataset, profile, duplicateRows, nearDuplicates, comparison, pins, checks, created,
                output.resolve(file), output, labels, suggestion, history);
    }

    /** The free-text column near duplicates were looked for in, or null when there was none. */
    public String textColumn() {
        return nearDuplicates == null ? null : nearDuplicates.near().column();
    }

    /** {"kind":"report","dataset","rows","file","profile","duplicates","near_duplicates","versus","pins","checks","labels","suggestion","history"}. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "report", "dataset", dataset, "rows", profile.rows(),
                "file", file == null ? null : file.toString(), "created", created.toString(),
                "profile", profile.toJson(), "duplicates", duplicateRows.toJson(),
                "near_duplicates", nearDuplicates == null ? null : nearDuplicates.toJson(),
                "versus", comparison == null ? null : comparison.toJson(),
                "pins", pins.stream().map(Pinned::toJson).toList(),
                "checks", checks.stream().map(CheckResult::toJson).toList(),
                "labels", labels == null ? null : labels.toJson(),
                "suggestion", suggestion == null ? null : suggestion.toJson(),
                "history", history == null ? null : history.toJson());
    }
}
