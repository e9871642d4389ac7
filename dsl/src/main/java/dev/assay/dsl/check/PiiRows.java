package dev.assay.dsl.check;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import java.util.List;

/**
 * {@code pii(col)}, {@code pii}: rows whose text holds an email, a phone number, a card number
 * or an IPv4 address (as {@code profile} finds them) in one text column, or in any when none is
 * named; percent of the rows.
 */
public record PiiRows(List<String> columns, boolean inPercent) implements Measure {

    public PiiRows {
        columns = List.copyOf(columns);
        if (columns.size() > 1) {
            throw new IllegalArgumentException(
                    "pii measures one column, or every column without one: write pii(COLUMN) or pii");
        }
    }

    @Override
    public String name() {
        return "pii";
    }

    @Override
    public List<String> arguments() {
        return columns;
    }

    @Override
    public Measure percent() {
        return new PiiRows(columns, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        List<Column> text = columns.isEmpty()
                ? data.schema().stream().filter(c -> ColumnKind.of(c.type()) == ColumnKind.TEXT).toList()
                : List.of(Readings.columnOf(data, this, columns.get(0), ColumnKind.TEXT, "a text"));
        return Readings.countOfRows(rule, data.rowsWithPii(text), data);
    }
}
