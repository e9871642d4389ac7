package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Scratch tables {@code (r, v)} of what rows hold in their text columns, one per batch of
 * columns (one scan each), read as one relation: {@code r} is the row's position, and {@code v} either
 * {@link #SQL_KIND} (the value holds an email, card number or IPv4 address) or the value
 * itself when it passes the phone pre-filter. Only values holding something are in it, one
 * line each, so its size is at most rows x columns and no statement holds more than one
 * batch of columns. A table per batch, not one table filled batch by batch: Spark's tables take no INSERT.
 */
final class PiiRowMarks implements AutoCloseable {

    /** The mark of a value SQL alone decides: no phone candidate is empty (it holds seven digits). */
    static final String SQL_KIND = "";

    private final List<WorkTable> tables;

    private PiiRowMarks(List<WorkTable> tables) {
        this.tables = tables;
    }

    /** The marks of every row of {@code source}, {@code batchSize} columns a statement. */
    static PiiRowMarks of(SqlEngine engine, OrderedSource source, List<Column> textColumns, int batchSize) {
        List<WorkTable> tables = new ArrayList<>();
        try {
            for (List<Column> batch : ColumnBatches.of(textColumns, batchSize)) {
                tables.add(WorkTable.of(engine, "pii_marks", marks(engine.dialect(), source, batch)));
            }
        } catch (RuntimeException | Error e) {
            tables.forEach(WorkTable::close);
            throw e;
        }
        return new PiiRowMarks(tables);
    }

    /** The marks of every batch, as a relation to read FROM. */
    String relation() {
        return tables.size() == 1 ? tables.get(0).quoted()
                : "(" + tables.stream().map(t -> "SELECT r, v FROM " + t.quoted()).collect(Collectors.joining(" UNION ALL ")) + ")";
    }

    /**
     * The marks of one batch of columns. The batch's values are unnested into one long column
     * first and the patterns applied to that column once: a pattern written per column is a
     * regular expression compiled per column, which cost more than the scan itself at
     * thousands of columns (3.5 s per 500 columns of 2,000 rows, against 0.3 s).
     */
    private static String marks(SqlDialect sql, OrderedSource source, List<Column> batch) {
        String x = "x";
        String inSql = sql.anyTrue(Arrays.stream(PiiPattern.values()).filter(PiiPattern::inSql)
                .map(p -> p.condition(sql, x)).toList());
        String values = sql.listLiteral(batch.stream().map(c -> sql.quoteIdentifier(c.name())).toList());
        return "SELECT r, v FROM (SELECT r, CASE WHEN " + inSql + " THEN " + sql.quoteLiteral(SQL_KIND)
                + " WHEN " + sql.regexFind(x, PhoneFinder.CANDIDATE) + " THEN " + x + " END AS v FROM (SELECT "
                + source.ordinal() + " AS r, " + sql.unnestList(values, x) + " FROM " + source.table()
                + "))\nWHERE v IS NOT NULL";
    }

    @Override
    public void close() {
        tables.forEach(WorkTable::close);
    }
}
