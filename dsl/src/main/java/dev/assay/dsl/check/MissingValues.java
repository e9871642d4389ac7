package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/**
 * {@code missing(col)}: NULL (and NaN in float columns) values of a column, as {@code profile}
 * counts them; percent of the rows.
 */
public record MissingValues(String column, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "missing";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Measure percent() {
        return new MissingValues(column, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column c = data.columns(List.of(column)).get(0);
        Handle<Long> rows = data.rows();
        Handle<Long> values = data.aggregate(c, Aggregates.count());
        return Readings.count(rule, () -> rows.get() - values.get(), rows::get, data.name());
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.countOfRows(column, "missing", inPercent);
    }
}
