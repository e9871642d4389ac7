package dev.assay.dsl.check;

import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.scan.Aggregates;
import java.util.List;

/** {@code mean(col)}: the mean of a number column, missing values (and NaN) left out, as {@code profile} has it. */
public record MeanValue(String column) implements Measure {

    @Override
    public String name() {
        return "mean";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        return Readings.numberStatistic(rule, data, column, c -> Aggregates.mean(ColumnKind.isExactNumber(c.type())));
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.field(column, "mean");
    }
}
