package dev.assay.dsl.check;

import dev.assay.dsl.scan.Aggregates;
import java.util.List;

/** {@code max(col)}: the largest value of a number column, missing values left out. */
public record Maximum(String column) implements Measure {

    @Override
    public String name() {
        return "max";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        return Readings.numberStatistic(rule, data, column, c -> Aggregates.max());
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.field(column, "max");
    }
}
