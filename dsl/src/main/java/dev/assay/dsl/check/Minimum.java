package dev.assay.dsl.check;

import dev.assay.dsl.scan.Aggregates;
import java.util.List;

/** {@code min(col)}: the smallest value of a number column, missing values left out. */
public record Minimum(String column) implements Measure {

    @Override
    public String name() {
        return "min";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        return Readings.numberStatistic(rule, data, column, c -> Aggregates.min());
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.field(column, "min");
    }
}
