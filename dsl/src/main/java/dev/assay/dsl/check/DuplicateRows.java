package dev.assay.dsl.check;

import java.util.List;

/**
 * {@code duplicates(cols)}: rows repeating an earlier row over these columns, or over whole rows
 * when none is named, as the {@code duplicates} statement counts them; percent of the rows.
 */
public record DuplicateRows(List<String> columns, boolean inPercent) implements Measure {

    public DuplicateRows {
        columns = List.copyOf(columns);
    }

    @Override
    public String name() {
        return "duplicates";
    }

    @Override
    public List<String> arguments() {
        return columns;
    }

    @Override
    public Measure percent() {
        return new DuplicateRows(columns, true);
    }

    @Override
    public Reading plan(Rule rule, CheckTarget data) {
        return Readings.countOfRows(rule, data.duplicateRows(columns), data);
    }
}
