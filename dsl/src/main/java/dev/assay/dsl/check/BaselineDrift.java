package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.drift.Drift;
import dev.assay.dsl.store.StoredVersion;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code drift} without a reference, only in a check against a baseline: columns that drifted
 * ({@code auto}) from the baseline version's snapshot to this dataset, over the columns both
 * have; percent of those columns.
 */
public record BaselineDrift(boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public Measure percent() {
        return new BaselineDrift(true);
    }

    @Override
    public boolean needsBaseline() {
        return true;
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        BaselineVersions versions = BaselineReadings.required(rule, data);
        Supplier<Drift> drift = versions.latest().isPresent() ? data.driftFromBaseline() : null;
        return () -> {
            if (drift == null) {
                return RuleOutcome.unmeasurable(rule, versions.noneLeft());
            }
            StoredVersion baseline = versions.latest().get();
            BaselineComparison against = new BaselineComparison(baseline.ref(), null, null, List.of(baseline.version()), null);
            Drift d;
            try {
                d = drift.get();
            } catch (IllegalArgumentException e) { // no rows or no shared column: the rule fails saying so
                return RuleOutcome.compared(rule, null, false, e.getMessage(), against);
            }
            RuleOutcome measured = RuleOutcome.measured(rule, inPercent ? 100.0 * d.driftedShare() : d.driftedColumns());
            return RuleOutcome.compared(rule, measured.value(), measured.passed(), null, against);
        };
    }
}
