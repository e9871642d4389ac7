package dev.assay.dsl.workspace;

import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.check.RuleOutcome;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.PiiCount;
import dev.assay.dsl.profile.ProfiledValue;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.Fingerprinter;
import dev.assay.dsl.store.VersionRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures the rules of a check on one dataset with the operations users already know, so a
 * rule's value is the number {@code profile}, {@code duplicates} or {@code drift} shows: the
 * column rules of the whole check (missing, distinct, min, max, mean) and the row count are
 * one {@link AggregateScan} (the aggregates a profile computes for them, read the same way),
 * then one operation per remaining rule.
 */
final class RuleMeasurer {

    private final Workspace workspace;
    private final Dataset dataset;
    private long rows = -1;
    private Map<String, ColumnMeasures> measured;
    private List<Column> schema;
    private final Map<String, Column> byName = new java.util.HashMap<>();
    /** Expected fingerprints, resolved once before measuring (a label names its latest version). */
    private final Map<String, String> expected = new java.util.HashMap<>();
    private Fingerprint actual;
    /** One drift per reference and one duplicate count per column list, however many rules read them. */
    private final Map<String, Drift> drifts = new java.util.HashMap<>();
    private final Map<List<String>, Long> duplicates = new java.util.HashMap<>();

    /** Rules that read columns, all measured in one scan. */
    private static final List<String> COLUMN_MEASURES = List.of("missing", "distinct", "min", "max", "mean");

    RuleMeasurer(Workspace workspace, Dataset dataset) {
        this.workspace = workspace;
        this.dataset = dataset;
    }

    /** Every rule's outcome; a rule naming an unknown column or dataset stops with {@link RuleException}. */
    CheckResult measure(List<Rule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a check needs at least one rule, like rows > 0");
        }
        for (int i = 0; i < rules.size(); i++) {
            try {
                resolve(rules.get(i));
            } catch (IllegalArgumentException e) {
                throw new RuleException(i, e.getMessage());
            }
        }
        measured = measureColumns(rules);
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Rule rule : rules) {
            outcomes.add(outcome(rule));
        }
        return new CheckResult(dataset.name(), outcomes);
    }

    /** Names what the rule needs (columns, the reference dataset, the pinned version) before anything runs. */
    private void resolve(Rule rule) {
        Measure m = rule.measure();
        if (m.isFingerprint()) {
            expected.put(rule.expected(), expectedFingerprint(rule.expected()));
            return;
        }
        if (m.name().equals("drift")) {
            workspace.dataset(m.arguments().get(0));
            return;
        }
        for (Column c : columns(m.arguments())) {
            ColumnKind kind = ColumnKind.of(c.type());
            boolean numeric = kind == ColumnKind.NUMERIC;
            if (List.of("min", "max", "mean").contains(m.name()) && !numeric) {
                throw new IllegalArgumentException(m.text() + " needs a number column; '" + c.name() + "' is " + c.type());
            }
            if (m.name().equals("pii") && kind != ColumnKind.TEXT) {
                throw new IllegalArgumentException(m.text() + " needs a text column; '" + c.name() + "' is " + c.type());
            }
        }
    }

    /** The values column rules read of one column, as handles of the check's one scan. */
    private record ColumnMeasures(String name, Handle<Long> count, Handle<Long> distinct, Handle<Object> min,
                                  Handle<Object> max, Handle<Double> mean) {
        long missing(long rows) {
            return rows - count.get();
        }
    }

    /** One scan for every column rule and the row count; empty when no rule reads columns. */
    private Map<String, ColumnMeasures> measureColumns(List<Rule> rules) {
        // Per named column, the measures its rules read: only those are computed.
        Map<String, Set<String>> measuresOf = new LinkedHashMap<>();
        boolean everyColumn = false;
        for (Rule rule : rules) {
            Measure m = rule.measure();
            if (COLUMN_MEASURES.contains(m.name())) {
                everyColumn |= m.arguments().isEmpty();
                m.arguments().forEach(c -> measuresOf.computeIfAbsent(c, k -> new HashSet<>()).add(m.name()));
            }
        }
        if (measuresOf.isEmpty() && !everyColumn) {
            return Map.of();
        }
        AggregateScan scan = new AggregateScan(workspace.engine(), dataset.name(), ProfiledValue.INSTANCE);
        Handle<Long> rowCount = scan.rows();
        Map<String, ColumnMeasures> byName = new LinkedHashMap<>();
        for (Column c : everyColumn ? schema() : columns(List.copyOf(measuresOf.keySet()))) {
            Set<String> wanted = measuresOf.getOrDefault(c.name(), Set.of());
            // min, max and mean are refused before this for columns that are not numbers
            byName.put(c.name(), new ColumnMeasures(c.name(), scan.add(c, Aggregates.count()),
                    wanted.contains("distinct") ? scan.add(c, Aggregates.distinct()) : null,
                    wanted.contains("min") ? scan.add(c, Aggregates.min()) : null,
                    wanted.contains("max") ? scan.add(c, Aggregates.max()) : null,
                    wanted.contains("mean") ? scan.add(c, Aggregates.mean(ColumnKind.isExactNumber(c.type()))) : null));
        }
        scan.run();
        rows = rowCount.get();
        return byName;
    }

    private RuleOutcome outcome(Rule rule) {
        Measure m = rule.measure();
        if (m.isFingerprint()) {
            if (actual == null) {
                actual = new Fingerprinter(workspace.engine()).of(dataset.name()).fingerprint(); // one pass for all rules
            }
            return RuleOutcome.fingerprint(rule, actual.value(), expected.get(rule.expected()));
        }
        if (m.name().equals("drift")) {
            Drift drift = drifts.computeIfAbsent(m.arguments().get(0),
                    reference -> workspace.dataset(reference).drift(dataset));
            if (m.inPercent() && drift.columns().isEmpty()) {
                return RuleOutcome.unmeasurable(rule, "no column could be compared");
            }
            return RuleOutcome.measured(rule, m.inPercent() ? 100.0 * drift.driftedShare() : drift.driftedColumns());
        }
        if (m.name().equals("min") || m.name().equals("max") || m.name().equals("mean")) {
            ColumnMeasures c = measured.get(m.arguments().get(0));
            Object value = (m.name().equals("min") ? c.min() : m.name().equals("max") ? c.max() : c.mean()).get();
            return value == null ? RuleOutcome.unmeasurable(rule, "'" + c.name() + "' has no values")
                    : RuleOutcome.measured(rule, ((Number) value).doubleValue());
        }
        if (m.name().equals("rows")) {
            return RuleOutcome.measured(rule, rows());
        }
        long count = count(m);
        long whole = m.name().equals("missing") && m.arguments().isEmpty() ? rows() * measured.size() : rows();
        if (!m.inPercent()) {
            return RuleOutcome.measured(rule, count);
        }
        return whole == 0 ? RuleOutcome.unmeasurable(rule, dataset.name() + " has no rows to take a percentage of")
                : RuleOutcome.measured(rule, 100.0 * count / whole);
    }

    /** The count behind missing, distinct, duplicates and pii. */
    private long count(Measure m) {
        switch (m.name()) {
            case "missing":
                return m.arguments().isEmpty() ? measured.values().stream().mapToLong(c -> c.missing(rows())).sum()
                        : measured.get(m.arguments().get(0)).missing(rows());
            case "distinct":
                return measured.get(m.arguments().get(0)).distinct().get();
            case "duplicates":
                return duplicates.computeIfAbsent(m.arguments(), on -> dataset.duplicates(Match.on(on)).duplicateRows());
            case "pii":
                List<Column> text = m.arguments().isEmpty()
                        ? schema().stream().filter(c -> ColumnKind.of(c.type()) == ColumnKind.TEXT).toList()
                        : columns(m.arguments());
                return PiiCount.rowsWithPii(workspace.engine(), dataset.name(), text);
            default:
                throw new IllegalStateException("no count for " + m.name());
        }
    }

    /** The dataset's columns, read once per check: a check of thousands of rules names a column in each. */
    private List<Column> schema() {
        if (schema == null) {
            schema = dataset.schema();
            schema.forEach(c -> byName.put(c.name(), c));
        }
        return schema;
    }

    /** The columns of these names from {@link #schema()}; an unknown or repeated name fails as {@link Dataset#columns} says. */
    private List<Column> columns(List<String> names) {
        schema();
        List<Column> found = names.stream().map(byName::get).toList();
        if (found.contains(null) || new HashSet<>(names).size() != names.size()) {
            return dataset.columns(names);
        }
        return found;
    }

    private long rows() {
        if (rows < 0) {
            rows = dataset.count();
        }
        return rows;
    }

    /** {@code 'sha256:…'} as written, or the fingerprint of the pinned version {@code 'label@N'}. */
    private String expectedFingerprint(String expected) {
        if (expected.startsWith("sha256:")) {
            return new Fingerprint(expected).value();
        }
        return workspace.store().resolve(VersionRef.parse(expected)).fingerprint().value();
    }
}
