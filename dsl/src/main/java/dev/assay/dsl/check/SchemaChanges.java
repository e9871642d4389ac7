package dev.assay.dsl.check;

import dev.assay.dsl.baseline.BaselineComparison;
import dev.assay.dsl.baseline.BaselineVersions;
import dev.assay.dsl.baseline.SchemaChange;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.store.StoredVersion;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code schema}: the columns added, removed and retyped since the baseline version's recorded
 * schema (plus one when the order changed), written {@code schema unchanged} (= 0) in a check
 * against a baseline.
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
        return operator == Operator.EQUAL && limit.signum() == 0 ? "schema unchanged" : Measure.super.ruleText(operator, limit);
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
            boolean passed = rule.operator().holds(change.count(), rule.limit().doubleValue());
            return RuleOutcome.compared(rule, (double) change.count(), passed, change.unchanged() ? null : change.summary(),
                    new BaselineComparison(baseline.ref(), null, null, List.of(baseline.version()), change));
        };
    }
}
