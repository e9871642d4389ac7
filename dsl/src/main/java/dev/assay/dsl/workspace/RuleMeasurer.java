package dev.assay.dsl.workspace;

import dev.assay.dsl.baseline.Baseline;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Reading;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.check.RuleOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the rules of a check on one dataset, in three steps: every rule's measure plans what
 * it reads (a wrong column stops the check before the data is read), the one scan computes the
 * aggregates all of them asked for (column rules and the row count), then each rule reads its
 * value, running the operations it needs (duplicates, pii, drift, fingerprint, label classes,
 * conflicts, associations) once per check.
 * Values are the numbers {@code profile}, {@code duplicates} or {@code drift} show.
 */
final class RuleMeasurer {

    private final Workspace workspace;
    private final Dataset dataset;
    /** The versions a check against a baseline compares with; null for a plain check. */
    private final Baseline baseline;

    RuleMeasurer(Workspace workspace, Dataset dataset) {
        this(workspace, dataset, null);
    }

    RuleMeasurer(Workspace workspace, Dataset dataset, Baseline baseline) {
        this.workspace = workspace;
        this.dataset = dataset;
        this.baseline = baseline;
    }

    /**
     * Every rule's outcome; a rule naming an unknown column or dataset stops with
     * {@link RuleException}, an unknown baseline label with {@link dev.assay.dsl.baseline.BaselineException}.
     */
    CheckResult measure(List<Rule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("a check needs at least one rule, like rows > 0");
        }
        CheckedDataset data = new CheckedDataset(workspace, dataset, baseline);
        List<Reading> readings = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            try {
                readings.add(rule.plan(data));
            } catch (IllegalArgumentException e) {
                throw new RuleException(i, e.getMessage());
            }
        }
        data.runScan();
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (Reading reading : readings) {
            outcomes.add(reading.outcome());
        }
        return new CheckResult(dataset.name(), outcomes, data.baseline().orElse(null));
    }
}
