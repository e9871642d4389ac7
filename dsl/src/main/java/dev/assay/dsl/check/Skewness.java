package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.Moments;
import dev.assay.dsl.profile.NumberAggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/**
 * {@code skewness(col)}: the skewness of a number column as {@code profile} has it (pandas'
 * {@code Series.skew()}); nothing to measure under 3 values or with infinite ones (pandas: NaN).
 */
public record Skewness(String column) implements Measure {

    @Override
    public String name() {
        return "skewness";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column c = Readings.columnOf(data, this, column, ColumnKind.NUMERIC, "a number");
        Handle<Moments> moments = data.aggregate(c, NumberAggregates.moments(ColumnKind.isExactNumber(c.type())));
        return () -> {
            Double skewness = moments.get() == null ? null : moments.get().skewness();
            return skewness == null
                    ? RuleOutcome.unmeasurable(rule, "'" + c.name() + "' has no skewness (fewer than 3 values, or infinite ones)")
                    : RuleOutcome.measured(rule, skewness);
        };
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.field(column, "skewness");
    }
}
