package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.TextAggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/**
 * {@code null_like(col)}: rows of a text column whose value means missing without being NULL
 * (empty, white space only, or a token like {@code NA}, as {@code profile} counts them:
 * docs/profile.md, "Texts"); percent of the rows.
 */
public record NullLikeRows(String column, boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "null_like";
    }

    @Override
    public List<String> arguments() {
        return List.of(column);
    }

    @Override
    public Measure percent() {
        return new NullLikeRows(column, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column text = Readings.columnOf(data, this, column, ColumnKind.TEXT, "a text");
        Handle<Long> rows = data.aggregate(text, TextAggregates.nullLike());
        return Readings.countOfRows(rule, rows::get, data);
    }

    @Override
    public MetricValue metricValue() {
        return MetricValue.countOfRows(column, "null_like", inPercent);
    }
}
