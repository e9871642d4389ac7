package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.baseline.SchemaChange;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.store.StoredVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code schema unchanged}: the columns added, removed and retyped since the baseline version's
 * recorded schema (plus one when the order changed); the rule holds when there are none.
 */
public record SchemaChanges() implements Measure {

    @Override
    public String name() {
        return "schema";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public boolean needsBaseline() {
        return true;
    }

    @Override
    public String ruleText(Operator operator, BigDecimal limit) {
        return "schema unchanged";
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        BaselineVersions versions = BaselineReadings.required(rule, data);
        List<Column> now = data.schema();
        return () -> {
            if (versions.latest().isEmpty()) {
                return RuleOutcome.unmeasurable(rule, versions.noneLeft());
            }
            StoredVersion baseline = versions.latest().get();
            SchemaChange change = SchemaChange.between(baseline.schema(), now);
            return RuleOutcome.compared(rule, (double) change.count(), change.unchanged(),
                    change.unchanged() ? null : change.summary(),
                    new BaselineComparison(baseline.ref(), null, null, List.of(baseline.version()), change));
        };
    }
}
