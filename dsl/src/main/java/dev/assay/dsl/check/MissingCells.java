package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.List;

/** {@code missing}: missing cells of every column; percent of all cells. */
public record MissingCells(boolean inPercent) implements Measure {

    @Override
    public String name() {
        return "missing";
    }

    @Override
    public List<String> arguments() {
        return List.of();
    }

    @Override
    public Measure percent() {
        return new MissingCells(true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Handle<Long> rows = data.rows();
        List<Column> columns = data.schema();
        List<Handle<Long>> values = columns.stream().map(c -> data.aggregate(c, Aggregates.count())).toList();
        return Readings.count(rule, () -> values.stream().mapToLong(v -> rows.get() - v.get()).sum(),
                () -> rows.get() * columns.size(), data.name());
    }

    /** The sum of every column's {@code missing}; as a percentage, of rows times columns. */
    @Override
    public MetricValue metricValue() {
        MetricValue missing = m -> m.columnNames().stream().mapToDouble(c -> {
            Double n = m.number(c, "missing");
            return n == null ? 0 : n;
        }).sum();
        return inPercent ? MetricValue.share(missing, m -> (double) m.rows() * m.columnNames().size()) : missing;
    }
}
