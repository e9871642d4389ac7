package dev.assay.dsl.workspace;

import dev.assay.dsl.baseline.Baseline;
import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.diff.DatasetDiff;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.drift.DriftDetector;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.duplicates.Deduplicated;
import dev.assay.dsl.duplicates.Deduplicator;
import dev.assay.dsl.duplicates.DuplicateFinder;
import dev.assay.dsl.duplicates.Duplicates;
import dev.assay.dsl.duplicates.Leakage;
import dev.assay.dsl.duplicates.LeakageFinder;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.TablePreview;
import dev.assay.dsl.correlations.Correlations;
import dev.assay.dsl.correlations.CorrelationsPlan;
import dev.assay.dsl.correlations.Correlator;
import dev.assay.dsl.history.MetricsKeeper;
import dev.assay.dsl.labels.ConflictFinder;
import dev.assay.dsl.labels.LabelAnalyzer;
import dev.assay.dsl.labels.Labels;
import dev.assay.dsl.labels.LabelsPlan;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.profile.PhoneRegions;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.profile.Profiler;
import dev.assay.dsl.report.QualityReport;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.sample.Sampled;
import dev.assay.dsl.sample.Sampler;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.split.SplitResult;
import dev.assay.dsl.split.Splitter;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.store.Pinner;
import dev.assay.dsl.store.Provenance;
import dev.assay.dsl.suggest.Suggester;
import dev.assay.dsl.suggest.Suggestion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * A named dataset of a workspace: a table or view inside one of its engines. The object holds
 * only the name; every method asks the engine holding it, so no rows live in the Java heap.
 */
public final class Dataset {

    private final Workspace workspace;
    private final String name;

    Dataset(Workspace workspace, String name) {
        this.workspace = workspace;
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** The engine holding this dataset: its operations run there. */
    private SqlEngine engine() {
        return workspace.engineOf(name);
    }

    public long count() {
        return engine().count(name);
    }

    public List<Column> schema() {
        return engine().schema(name);
    }

    /** The first {@code rows} rows and the total row count, for showing. */
    public TablePreview show(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("show takes a row count of 0 or more, got " + rows);
        }
        return engine().preview(name, rows);
    }

    public TablePreview show() {
        return show(Workspace.PREVIEW_ROWS);
    }

    /**
     * All rows as Arrow batches of at most {@code batchRows} rows, streamed from the engine
     * through the Arrow C interface; close the reader when done.
     */
    public ArrowReader arrowBatches(int batchRows) {
        return engine().arrowBatches(name, batchRows);
    }

    /** The profile of every column: statistics, histograms, top values, integrity and findings (docs/profile.md). */
    public Profile profile() {
        return profile(List.of());
    }

    /** The profile of the named columns, in that order; an unknown name is refused with the closest one. */
    public Profile profile(String... columns) {
        return profile(List.of(columns));
    }

    /** The profile of the named columns, or of every column when none is named. */
    public Profile profile(List<String> columns) {
        return profile(columns, PhoneRegions.defaults());
    }

    /**
     * The profile of the named columns (every column when none is named), looking for phone
     * numbers in the national formats of {@code phoneRegions} and in international form.
     */
    public Profile profile(List<String> columns, PhoneRegions phoneRegions) {
        return new Profiler(engine(), phoneRegions)
                .profile(name, columns.isEmpty() ? schema() : columns(columns));
    }

    /** The schema's columns of these names, in the order given; each name must exist (did-you-mean otherwise). */
    public List<Column> columns(List<String> names) {
        List<Column> schema = schema();
        List<String> known = schema.stream().map(Column::name).toList();
        List<Column> chosen = new ArrayList<>();
        for (String wanted : names) {
            Column column = schema.stream().filter(c -> c.name().equals(wanted)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException(Suggestions.noColumn(wanted, name, known)));
            if (chosen.contains(column)) {
                throw new IllegalArgumentException("column '" + wanted + "' is named twice");
            }
            chosen.add(column);
        }
        return chosen;
    }

    /** Exact duplicate rows (whole rows compared). */
    public Duplicates duplicates() {
        return duplicates(Match.allColumns());
    }

    /** Exact duplicates over the match's columns, and near duplicates of its text column when asked. */
    public Duplicates duplicates(Match match) {
        return new DuplicateFinder(engine()).find(name, resolve(match));
    }

    /** A new dataset {@code target} with the first row of each exact group (whole rows compared). */
    public Deduplicated dedup(String target) {
        return dedup(target, Match.allColumns());
    }

    /** A new dataset {@code target} with the first row (in this dataset's order) of each group or near cluster. */
    public Deduplicated dedup(String target, Match match) {
        workspace.checkNewName(target);
        ResolvedMatch resolved = resolve(match);
        Provenance provenance = workspace.lineage().derived(List.of(name), OperationText.dedup(target, name, match));
        SqlEngine engine = engine();
        Deduplicated made = new Deduplicator(engine).dedup(name, resolved, target);
        workspace.bound(engine, List.of(target));
        workspace.lineage().record(target, provenance);
        return made;
    }

    /** Splits into new datasets named by the plan, e.g. {@code SplitPlan.into("train", "test").percent(80, 20)}. */
    public SplitResult split(SplitPlan.Builder plan) {
        return split(plan.build());
    }

    /** Splits into new datasets named by the plan. */
    public SplitResult split(SplitPlan plan) {
        workspace.checkNewNames(plan.names());
        List<String> named = new ArrayList<>(plan.by());
        for (String c : Arrays.asList(plan.stratify(), plan.group(), plan.orderBy())) {
            if (c != null) {
                named.add(c);
            }
        }
        columns(named.stream().distinct().toList());
        List<String> all = schema().stream().map(Column::name).toList();
        String label = plan.stratify() != null ? plan.stratify()
                : all.stream().filter(c -> c.equalsIgnoreCase("label")).findFirst().orElse(null);
        Provenance provenance = workspace.lineage().derived(List.of(name), OperationText.split(name, plan));
        SqlEngine engine = engine();
        SplitResult parts = new Splitter(engine).split(name, plan, all, label);
        workspace.bound(engine, plan.names());
        plan.names().forEach(part -> workspace.lineage().record(part, provenance));
        return parts;
    }

    /**
     * A reproducible random sample as the new dataset {@code target}, e.g.
     * {@code sample("s", SamplePlan.percent(10).seed(7))}: the rows {@code split}'s hash puts
     * in a first part of that percentage and seed, or the rows of smallest hash (see {@link SamplePlan}).
     */
    public Sampled sample(String target, SamplePlan plan) {
        workspace.checkNewName(target);
        List<String> all = schema().stream().map(Column::name).toList();
        Provenance provenance = workspace.lineage().derived(List.of(name), plan.text(target, name));
        SqlEngine engine = engine();
        Sampled made = new Sampler(engine).sample(name, target, plan, all);
        workspace.bound(engine, List.of(target));
        workspace.lineage().record(target, provenance);
        return made;
    }

    /** Rows of {@code other} (say test) that also occur in this dataset (say train), whole rows compared. */
    public Leakage leakage(Dataset other) {
        return leakage(other, Match.allColumns());
    }

    /** Rows of {@code other} that also occur in this dataset, exactly or (with {@code near}) as near duplicates. */
    public Leakage leakage(Dataset other, Match match) {
        workspace.requireSameEngine(name, other.name());
        ResolvedMatch resolved = resolve(match);
        other.columns(resolved.names()); // the same columns must exist on the other side
        return new LeakageFinder(engine()).find(name, other.name(), resolved);
    }

    /**
     * Which columns moved between this dataset (the reference) and {@code current}: every
     * column of both, each with the method Evidently would choose.
     */
    public Drift drift(Dataset current) {
        return drift(current, DriftPlan.auto());
    }

    /** Drift of the plan's columns, e.g. {@code DriftPlan.on("fare").using("psi").threshold(0.2)}. */
    public Drift drift(Dataset current, DriftPlan plan) {
        workspace.requireSameEngine(name, current.name());
        return new DriftDetector(engine()).compare(name, current.name(), plan);
    }

    /**
     * Pins this dataset's rows as the next version of {@code label} (letters, digits, '-', '_'
     * and '.'), with its lineage: the pinned versions it was made from and the statements that
     * made it. Content equal to the label's latest version returns that version.
     */
    public Pinned pin(String label) {
        Pinned pinned = new Pinner(engine(), workspace.store(), MetricsKeeper.computedOn(engine())).pin(name, label, workspace.lineage().of(name));
        // From now on this dataset is that version: what is made from it descends from it.
        workspace.lineage().record(name, Provenance.pinned(pinned.version().asParent()));
        workspace.sessionLog().pinned(pinned); // records the checks remembered for this dataset
        return pinned;
    }

    /** How {@code other} differs from this dataset; with key columns, which rows changed and how. */
    public DatasetDiff diff(Dataset other, String... keys) {
        return workspace.diff(DiffSide.dataset(name), DiffSide.dataset(other.name()), List.of(keys));
    }

    /**
     * Measures the rules and fails when one does not hold: a {@link CheckFailedException}
     * carrying the whole result, so a notebook shows every rule's value and then stops. For
     * example {@code check(Measure.rows().greaterThan(1000), Measure.missing("text").percent().lessThan(1))}.
     */
    public CheckResult check(Rule... rules) {
        return check(List.of(rules));
    }

    public CheckResult check(List<Rule> rules) {
        CheckResult result = evaluate(rules);
        if (!result.passed()) {
            throw new CheckFailedException(result);
        }
        return result;
    }

    /**
     * Measures the rules against the pinned versions of a label and fails when one does not
     * hold, for example {@code check(Baseline.of("nightly"), Measure.rows().withinPercent(10),
     * Measure.mean("fare").withinSd(3), Rule.schemaUnchanged(), Measure.drift().percent().lessThan(20))}.
     * Plain rules may come too. docs/baselines.md says which versions count.
     */
    public CheckResult check(Baseline baseline, Rule... rules) {
        return check(baseline, List.of(rules));
    }

    public CheckResult check(Baseline baseline, List<Rule> rules) {
        CheckResult result = evaluate(baseline, rules);
        if (!result.passed()) {
            throw new CheckFailedException(result);
        }
        return result;
    }

    /** Measures the rules against the pinned versions of a label and returns every verdict without failing. */
    public CheckResult evaluate(Baseline baseline, Rule... rules) {
        return evaluate(baseline, List.of(rules));
    }

    public CheckResult evaluate(Baseline baseline, List<Rule> rules) {
        CheckResult result = new RuleMeasurer(workspace, this, baseline).measure(rules);
        workspace.sessionLog().checked(result);
        return result;
    }

    /**
     * Measures the rules and returns every verdict without failing. The outcome is recorded in
     * the store with the version this dataset is (or becomes when it is pinned), see docs/versions.md.
     */
    public CheckResult evaluate(Rule... rules) {
        return evaluate(List.of(rules));
    }

    public CheckResult evaluate(List<Rule> rules) {
        CheckResult result = new RuleMeasurer(workspace, this).measure(rules);
        workspace.sessionLog().checked(result); // records the outcome with the version this dataset is
        return result;
    }

    /**
     * A check statement suggested from this dataset's profile, each rule with its margin and
     * reason (docs/suggest.md); {@code suggestion.statement()} is ready to paste into a cell.
     */
    public Suggestion suggestCheck() {
        return Suggester.suggest(profile());
    }

    /**
     * The suggested check, every rule tried on {@code holdout} in one check there: rules it
     * breaks are widened to cover it or dropped, and the suggestion says which and why.
     */
    public Suggestion suggestCheck(Dataset holdout) {
        return suggestCheck(profile(), holdout);
    }

    /** The suggestion from a profile already made (the report's), tried on {@code holdout} when not null. */
    Suggestion suggestCheck(Profile profile, Dataset holdout) {
        if (holdout == null) {
            return Suggester.suggest(profile);
        }
        // Not evaluate(): trying rules is no check of the session, so nothing is logged.
        return Suggester.suggest(profile, holdout.name(), rules -> new RuleMeasurer(workspace, holdout).measure(rules));
    }

    /**
     * This dataset's quality report: a profile of every column (personal-data findings
     * included), exact duplicate rows, near duplicates of its free text, and the session's
     * pins and checks. Write it as a page with {@code dev.assay.viz.report.ReportPage}.
     */
    public QualityReport report() {
        return new QualityReporter(workspace).report(this, null);
    }

    /** The correlations of every column a method applies to, each pair by {@code auto} (docs/correlations.md). */
    public Correlations correlations() {
        return correlations(CorrelationsPlan.all());
    }

    /**
     * The correlations as planned, e.g. {@code CorrelationsPlan.on("price", "carat").using(CorrelationMethod.SPEARMAN)}:
     * exact, over every row, computed in the engine.
     */
    public Correlations correlations(CorrelationsPlan plan) {
        boolean named = !plan.columns().isEmpty();
        return new Correlator(engine()).correlate(name, name, named ? columns(plan.columns()) : schema(), plan.method(), named);
    }

    /** The label's classes, conflicting labels, the columns that tell the label, over every row. */
    public Labels labels(String label) {
        return labels(LabelsPlan.on(label));
    }

    /**
     * {@code labels} as planned, e.g. {@code LabelsPlan.on("label").by(Match.on("text").normalized()).vs("test")}:
     * conflicts over the plan's features (every column but the label by default) and the label
     * against the {@code vs} dataset's.
     */
    public Labels labels(LabelsPlan plan) {
        Column label = labelColumn(plan.label());
        if (plan.vs() != null) {
            workspace.requireSameEngine(name, plan.vs());
            workspace.dataset(plan.vs()).labelColumn(plan.label());
        }
        return new LabelAnalyzer(engine()).analyze(name, label, features(plan.features(), label), others(label), plan.vs());
    }

    /**
     * A new dataset {@code target} with the rows of every group of equal features and differing
     * labels, each with its group number and the group's majority label (see docs/labels.md).
     */
    public Dataset conflicts(String target, LabelsPlan plan) {
        workspace.checkNewName(target);
        Column label = labelColumn(plan.label());
        ResolvedMatch features = features(plan.features(), label);
        Provenance provenance = workspace.lineage().derived(List.of(name), OperationText.conflicts(target, name, plan));
        SqlEngine engine = engine();
        new ConflictFinder(engine).materialize(name, label, features, target);
        workspace.bound(engine, List.of(target));
        workspace.lineage().record(target, provenance);
        return workspace.dataset(target);
    }

    private Column labelColumn(String label) {
        return columns(List.of(label)).get(0);
    }

    /** The columns other than the label. */
    private List<Column> others(Column label) {
        return schema().stream().filter(c -> !c.equals(label)).toList();
    }

    /** The features of a conflict: the match's columns, which must not include the label. */
    private ResolvedMatch features(Match match, Column label) {
        if (match.columns().contains(label.name())) {
            throw new IllegalArgumentException("'by' names the label column '" + label.name()
                    + "': conflicts are rows with equal features and different labels, so the features leave the label out");
        }
        List<Column> others = others(label);
        if (others.isEmpty()) {
            throw new IllegalArgumentException(name + " has no column but the label '" + label.name() + "'");
        }
        return resolve(match, others);
    }

    /** The report of {@link #report()} and, against {@code versus}, leakage and drift. */
    public QualityReport report(Dataset versus) {
        return new QualityReporter(workspace).report(this, versus);
    }

    /**
     * The report with a labels section: {@code labels} as planned (e.g. {@code LabelsPlan.on("label")}),
     * against {@code versus} (null for none) when there is one, which then replaces the plan's own {@code vs}.
     */
    public QualityReport report(Dataset versus, LabelsPlan labels) {
        return new QualityReporter(workspace).report(this, versus, labels);
    }

    /** A match resolved against this dataset's columns, with the errors a user can act on. */
    private ResolvedMatch resolve(Match match) {
        return resolve(match, schema());
    }

    /** A match resolved with {@code all} as the columns compared when it names none. */
    private ResolvedMatch resolve(Match match, List<Column> all) {
        List<Column> keys = match.columns().isEmpty() ? all : columns(match.columns());
        Column text = null;
        if (match.isNear()) {
            List<Column> candidates = match.columns().isEmpty()
                    ? keys.stream().filter(ResolvedMatch::isText).toList() : keys;
            if (candidates.size() != 1) {
                List<String> texts = schema().stream().filter(ResolvedMatch::isText).map(Column::name).toList();
                throw new IllegalArgumentException("near duplicates compare one text column; "
                        + (match.columns().isEmpty() ? "" : "got " + candidates.size() + ", ") + "say which with 'on COLUMN'"
                        + (texts.isEmpty() ? " (" + name + " has no text column)"
                        : " (text columns of " + name + ": " + String.join(", ", texts) + ")"));
            }
            text = candidates.get(0);
            if (!ResolvedMatch.isText(text)) {
                throw new IllegalArgumentException("near duplicates compare text; '" + text.name() + "' is " + text.type());
            }
        }
        return new ResolvedMatch(keys, match.normalize(), text, match.near());
    }

    @Override
    public String toString() {
        return "Dataset " + name;
    }
}
