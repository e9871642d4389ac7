package dev.assay.dsl.labels;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.Histogram;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A batch of columns of one {@link ContingencyValue} counted against the label in one scan:
 * a scratch table (w, v, y, o), w the column's place in the batch, v its value, y the label,
 * o how many labelled rows hold both, missing values left out. Every figure of the batch's
 * columns is a grouping of this table, so no row enters the Java heap and a statement's cost
 * is paid per batch, not per column.
 */
final class ContingencyBatch implements AutoCloseable {

    /** A batch to make: columns of one value type. */
    record Plan(ContingencyValue type, List<Column> columns) {
        Plan {
            columns = List.copyOf(columns);
        }
    }

    private final SqlDialect sql;
    private final WorkTable table;
    final ContingencyValue type;
    final List<Column> columns;

    private ContingencyBatch(SqlEngine engine, WorkTable table, ContingencyValue type, List<Column> columns) {
        this.sql = engine.dialect();
        this.table = table;
        this.type = type;
        this.columns = List.copyOf(columns);
    }

    /** Counts the columns (all of {@code type}) against the label, over the rows whose label is not NULL. */
    static ContingencyBatch of(SqlEngine engine, String relation, Column label, ContingencyValue type, List<Column> columns) {
        SqlDialect sql = engine.dialect();
        List<String> which = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int w = 0; w < columns.size(); w++) {
            which.add(Integer.toString(w));
            values.add(type.sql(sql, columns.get(w)));
        }
        String y = sql.quoteIdentifier(label.name());
        String query = "SELECT w, v, y, count(*) AS o FROM (SELECT " + y + " AS y, "
                + sql.unnestColumns(List.of("w", "v"), List.of(which, values)) + " FROM " + sql.quoteIdentifier(relation)
                + " WHERE " + y + " IS NOT NULL) WHERE " + type.present(sql, "v") + " GROUP BY w, v, y";
        return WorkTable.ownedBy(WorkTable.of(engine, "label_cells", query), t -> new ContingencyBatch(engine, t, type, columns));
    }

    /** Per column: (w, values, distinct values[, min, max]); a column without values has no row. */
    String summary() {
        return "SELECT w, sum(o), count(DISTINCT v)" + (type == ContingencyValue.NUMBER ? ", min(v), max(v)" : "")
                + " FROM " + table.quoted() + " GROUP BY w";
    }

    /** Per column and label: (w, y, rows holding a value). */
    String labelCounts() {
        return "SELECT w, y, sum(o) FROM " + table.quoted() + " GROUP BY w, y";
    }

    /** The cells (w, k, y, o) of the columns compared over their values. */
    String byValue(Collection<Integer> columns) {
        return "SELECT w, v AS k, y, o FROM " + table.quoted() + " WHERE w IN (" + list(columns) + ")";
    }

    /**
     * The cells (w, k, y, o) of the columns compared over bins, k the 0-based bin of numpy's
     * rule ({@link Histogram}: [left, right), the last bin closed). Each column's edges travel
     * as one row of parameters (edge i is i * step + lo, as Histogram makes them), so the SQL
     * grows with the columns, not with their bins.
     */
    String byBin(Map<Integer, double[]> edges) {
        List<String> params = new ArrayList<>();
        edges.forEach((w, e) -> {
            int bins = e.length - 1;
            params.add("(" + w + ", " + sql.doubleLiteral(e[0]) + ", " + sql.doubleLiteral(e[bins] - e[0]) + ", "
                    + sql.doubleLiteral((e[bins] - e[0]) / bins) + ", " + bins + ")");
        });
        String raw = Histogram.rawBinSql("v", "lo", "span", "nb", "nb - 1");
        String bin = Histogram.binIndexSql("v", "i", "lo", "step", "nb - 1");
        return "SELECT w, " + bin + " AS k, y, sum(o) AS o FROM (SELECT t.w, t.v, t.y, t.o, p.lo, p.step, p.nb, " + raw
                + " AS i FROM " + table.quoted() + " AS t JOIN (VALUES " + String.join(", ", params)
                + ") AS p(w, lo, span, step, nb) ON t.w = p.w) GROUP BY w, " + bin + ", y";
    }

    /** Per column of a cells relation (w, k, y, o): (w, r, s, mi), as {@link ContingencySums#sql}. */
    String sums(String cells) {
        return ContingencySums.sql(sql, cells);
    }

    private static String list(Collection<Integer> columns) {
        return columns.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        table.close();
    }
}
