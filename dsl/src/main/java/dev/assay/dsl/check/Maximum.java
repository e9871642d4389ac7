package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
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
        Column c = Readings.columnOf(data, this, column, ColumnKind.NUMERIC, "a number");
        return Readings.statistic(rule, data.aggregate(c, Aggregates.max()), c);
    }
}
