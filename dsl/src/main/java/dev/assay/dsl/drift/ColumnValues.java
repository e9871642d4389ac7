package dev.assay.dsl.drift;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.ColumnKind;
import java.util.List;

/**
 * One column of both datasets reduced to its distinct values and their counts on each side:
 * a scratch table (v, r, c), r counting the reference and c the current. Every statistic is
 * computed from it inside the engine, so no values enter the Java heap. Numbers become DOUBLE
 * (NaN and infinities are missing), dates and timestamps microseconds since 1970; booleans
 * stay as they are and text (enumerations too) is VARCHAR.
 */
final class ColumnValues implements AutoCloseable {

    final SqlEngine engine;
    final SqlDialect sql;
    final WorkTable table;
    final boolean numeric;
    /** numpy floors a Sturges width at 1 for integer data: integers and microseconds. */
    final boolean integer;
    final long referenceValues;
    final long currentValues;
    final long distinct;
    final long referenceDistinct;
    final double min;
    final double max;

    private ColumnValues(SqlEngine engine, WorkTable table, boolean numeric, boolean integer) {
        this.engine = engine;
        this.sql = engine.dialect();
        this.table = table;
        this.numeric = numeric;
        this.integer = integer;
        List<Object> row = engine.smallResult("SELECT count(*), count(*) FILTER (WHERE r > 0), coalesce(sum(r), 0), "
                + "coalesce(sum(c), 0)" + (numeric ? ", min(v), max(v)" : "") + " FROM " + table.quoted()).get(0);
        this.distinct = number(row.get(0));
        this.referenceDistinct = number(row.get(1));
        this.referenceValues = number(row.get(2));
        this.currentValues = number(row.get(3));
        this.min = numeric && row.get(4) != null ? ((Number) row.get(4)).doubleValue() : Double.NaN;
        this.max = numeric && row.get(5) != null ? ((Number) row.get(5)).doubleValue() : Double.NaN;
    }

    static ColumnValues of(SqlEngine engine, String reference, String current, Column referenceColumn, Column currentColumn) {
        SqlDialect sql = engine.dialect();
        ColumnKind kind = DriftKind.columnKindOf(referenceColumn.type());
        boolean numeric = kind == ColumnKind.NUMERIC || kind == ColumnKind.TEMPORAL;
        boolean integer = kind == ColumnKind.TEMPORAL
                || ColumnKind.isInteger(referenceColumn.type()) && ColumnKind.isInteger(currentColumn.type());
        boolean mayBeNonFinite = ColumnKind.isFloat(referenceColumn.type()) || ColumnKind.isFloat(currentColumn.type());
        String column = sql.quoteIdentifier(referenceColumn.name());
        // Text is cast so that an enumeration and a VARCHAR meet as labels.
        String value = kind == ColumnKind.TEMPORAL ? sql.castDouble(sql.epochMicros(column))
                : numeric ? sql.castDouble(column) : kind == ColumnKind.TEXT ? sql.castText(column) : column;
        String query = "SELECT v, count(*) FILTER (WHERE s = 0) AS r, count(*) FILTER (WHERE s = 1) AS c FROM ("
                + "SELECT 0 AS s, " + value + " AS v FROM " + sql.quoteIdentifier(reference)
                + " UNION ALL SELECT 1 AS s, " + value + " AS v FROM " + sql.quoteIdentifier(current)
                + ") WHERE v IS NOT NULL" + (mayBeNonFinite ? " AND " + sql.isFinite("v") : "") + " GROUP BY v";
        return new ColumnValues(engine, WorkTable.of(engine, "drift_values", query), numeric, integer);
    }

    /** Per distinct value: (k, r, c). */
    String perValue() {
        return "SELECT v AS k, r, c FROM " + table.quoted();
    }

    /** Per bin of the edges, empty bins included: (k, r, c), k the 0-based bin. */
    String perBin(double[] edges) {
        String raw = dev.assay.dsl.profile.Histogram.rawBinSql(sql, "v", edges);
        String bin = dev.assay.dsl.profile.Histogram.binIndexSql(sql, "v", "i", edges);
        return "SELECT t.k, coalesce(b.r, 0) AS r, coalesce(b.c, 0) AS c FROM range(" + (edges.length - 1) + ") AS t(k) "
                + "LEFT JOIN (SELECT " + bin + " AS k, sum(r) AS r, sum(c) AS c FROM (SELECT v, r, c, " + raw + " AS i FROM "
                + table.quoted() + ") GROUP BY 1) AS b ON b.k = t.k";
    }

    /** Running counts in value order: (v, next value, cr, cc). */
    String cumulative() {
        return "SELECT v, lead(v) OVER (ORDER BY v) AS next, sum(r) OVER w AS cr, sum(c) OVER w AS cc FROM "
                + table.quoted() + " WINDOW w AS (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)";
    }

    List<List<Object>> query(String sqlText) {
        return engine.smallResult(sqlText);
    }

    double scalar(String sqlText) {
        Object v = query(sqlText).get(0).get(0);
        return v == null ? Double.NaN : ((Number) v).doubleValue();
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    @Override
    public void close() {
        table.close();
    }
}
