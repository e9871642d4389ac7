package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/** {@code distinct(col)}: distinct values, missing ones not counted (pandas' {@code nunique}); percent of the rows. */
public record DistinctValues(String column, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "distinct";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Measure percent() {
        return new DistinctValues(column, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column c = data.columns(List.of(column)).get(0);
        Handle<Long> distinct = data.aggregate(c, Aggregates.distinct());
        return Readings.countOfRows(rule, distinct::get, data);
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.countOfRows(column, "distinct", inPercent);
    }
}
