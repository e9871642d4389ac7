package dev.assay.dsl.check;

import dev.assay.dsl.scan.Handle;
import java.util.List;

/** {@code rows}: the number of rows, from the check's scan. */
public record RowCount() implements Measure {

    @Override
    public String name() {
        return "rows";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Handle<Long> rows = data.rows();
        return () -> RuleOutcome.measured(rule, rows.get());
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.rows();
    }
}
