package dev.assay.dsl.check;

import dev.assay.dsl.drift.Drift;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code drift(REF)}: columns that drifted from dataset REF to this one, as {@code drift REF vs
 * NAME} flags them; percent of the columns compared.
 */
public record DriftedColumns(String reference, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "drift";
    }

    @Override
    public List<String> arguments() {
        return List.of(reference);
    }

    @Override
    public Measure percent() {
        return new DriftedColumns(reference, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Supplier<Drift> drift = data.driftFrom(reference);
        return () -> {
            Drift d = drift.get();
            if (!inPercent) {
                return RuleOutcome.measured(rule, d.driftedColumns());
            }
            return d.columns().isEmpty() ? RuleOutcome.unmeasurable(rule, "no column could be compared")
                    : RuleOutcome.measured(rule, 100.0 * d.driftedShare());
        };
    }
}
