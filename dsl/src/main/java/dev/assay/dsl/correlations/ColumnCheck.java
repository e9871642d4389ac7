package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.scan.AggregateScan;
import dev.assay.dsl.scan.Aggregates;
import dev.assay.dsl.scan.Handle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which chosen columns can correlate at all, from one shared scan (count, min, max of each in
 * its form): a column without values or with one value has no correlation with anything, and
 * gets a note saying so (pandas gives NaN without a reason).
 */
record ColumnCheck(long rows, List<Boolean> defined, List<CorrelationNote> notes) {

    static ColumnCheck of(SqlEngine engine, String relation, ChosenColumns chosen) {
        AggregateScan scan = new AggregateScan(engine, relation,
                (d, column, quoted) -> chosen.forms().get(chosen.columns().indexOf(column)).sql(d, column));
        Handle<Long> rows = scan.rows();
        List<Handle<Long>> counts = new ArrayList<>();
        List<Handle<Object>> mins = new ArrayList<>();
        List<Handle<Object>> maxes = new ArrayList<>();
        for (Column column : chosen.columns()) {
            counts.add(scan.add(column, Aggregates.count()));
            mins.add(scan.add(column, Aggregates.min()));
            maxes.add(scan.add(column, Aggregates.max()));
        }
        scan.run();
        List<Boolean> defined = new ArrayList<>();
        List<CorrelationNote> notes = new ArrayList<>();
        for (int i = 0; i < chosen.columns().size(); i++) {
            String name = chosen.columns().get(i).name();
            String why = null;
            if (counts.get(i).get() == 0) {
                why = "has no values (only NULLs" + (chosen.forms().get(i) == ValueForm.NUMBER ? " or NaN" : "") + ")";
            } else if (Objects.equals(mins.get(i).get(), maxes.get(i).get())) {
                why = "is constant (every value is " + mins.get(i).get() + ")";
            }
            defined.add(why == null);
            if (why != null) {
                notes.add(new CorrelationNote(name, "'" + name + "' " + why + ": its correlations are undefined (null; pandas gives NaN)"));
            }
        }
        return new ColumnCheck(rows.get(), defined, notes);
    }
}
