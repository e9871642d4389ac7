package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.naming.LanguageString;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.scan.Aggregate;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code unexpected(col, 'a', 'b', ...)}: rows of a text column whose value is not missing and
 * not one of the values listed (the allowed categories); percent of the rows. Counted over the
 * column's distinct values in the check's one scan, each value compared with the list once.
 */
public record UnexpectedValues(String column, List<String> allowed, boolean inPercent) implements Measure {

    public UnexpectedValues {
        if (allowed.isEmpty()) {
            throw new IllegalArgumentException("unexpected lists the allowed values after the column: "
                    + "write unexpected(COLUMN, 'a', 'b')");
        }
        allowed = List.copyOf(allowed);
    }

    @Override
    public String name() {
        return "unexpected";
    }

    /** The column, then the allowed values as the language writes them, in quotes. */
    @Override
    public List<String> arguments() {
        List<String> written = new ArrayList<>();
        written.add(column);
        allowed.forEach(v -> written.add(LanguageString.quote(v)));
        return written;
    }

    @Override
    public Measure percent() {
        return new UnexpectedValues(column, allowed, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        Column text = Readings.columnOf(data, this, column, ColumnKind.TEXT, "a text");
        Handle<Long> rows = data.aggregate(text, notIn(allowed));
        return Readings.countOfRows(rule, rows::get, data);
    }

    /** Rows whose value (a distinct non-missing one) is none of {@code allowed}; every literal quoted by the dialect. */
    private static Aggregate<Long> notIn(List<String> allowed) {
        String key = "unexpected:" + allowed.stream().map(LanguageString::quote).collect(Collectors.joining(","));
        return Aggregates.of(key, Aggregate.Over.VALUES, (d, v) -> "sum(" + Aggregate.COUNT + ") FILTER (WHERE " + v
                + " NOT IN (" + allowed.stream().map(d::quoteLiteral).collect(Collectors.joining(", ")) + "))",
                Aggregates::asLong);
    }
}
