package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Handle;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/** What several measures share: counts and their shares, a column's statistic, the kind of column a measure needs. */
final class Readings {

    private Readings() {
    }

    /** A count; as a percentage rule, its share of {@code whole}, which has nothing to measure when the whole is 0. */
    static Reading count(Rule rule, LongSupplier count, LongSupplier whole, String dataset) {
        return () -> {
            long counted = count.getAsLong();
            if (!rule.measure().inPercent()) {
                return RuleOutcome.measured(rule, counted);
            }
            long of = whole.getAsLong();
            return of == 0 ? RuleOutcome.unmeasurable(rule, dataset + " has no rows to take a percentage of")
                    : RuleOutcome.measured(rule, 100.0 * counted / of);
        };
    }

    /** A count whose percentage is of the rows, which are then asked of the scan too. */
    static Reading countOfRows(Rule rule, LongSupplier count, CheckTarget data) {
        Handle<Long> rows = rule.measure().inPercent() ? data.rows() : null;
        return count(rule, count, () -> rows.get(), data.name());
    }

    /** A statistic of a number column's values, which has nothing to measure when the column has none. */
    static Reading numberStatistic(Rule rule, CheckTarget data, String name, Function<Column, Aggregate<?>> statistic) {
        Column column = columnOf(data, rule.measure(), name, ColumnKind.NUMERIC, "a number");
        Handle<?> value = data.aggregate(column, statistic.apply(column));
        return () -> {
            Object v = value.get();
            return v == null ? RuleOutcome.unmeasurable(rule, "'" + column.name() + "' has no values")
                    : RuleOutcome.measured(rule, ((Number) v).doubleValue());
        };
    }

    /** The column named, which must hold values of {@code kind} (described as {@code what}). */
    static Column columnOf(CheckTarget data, Measure measure, String name, ColumnKind kind, String what) {
        Column column = data.columns(List.of(name)).get(0);
        if (ColumnKind.of(column.type()) != kind) {
            throw new IllegalArgumentException(measure.text() + " needs " + what + " column; '" + column.name() + "' is "
                    + column.type());
        }
        return column;
    }
}
