package dev.assay.dsl.drift;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.ColumnKind;
import dev.assay.dsl.profile.Histogram;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A batch of columns of both datasets reduced to their distinct values and the counts on each
 * side: one scratch table (w, v, r, c), w the column's place in the batch, r counting the
 * reference and c the current, made in one scan of each dataset. Every statistic is computed
 * from it inside the engine, for all the batch's columns in one statement per method, so no
 * values enter the Java heap and a statement's fixed cost is paid per batch, not per column.
 * The batch's columns share one value type: numbers and times as DOUBLE (NaN and infinities
 * are missing; times as microseconds since 1970), text (enumerations too) as VARCHAR, or
 * booleans. The word counts of text, which the text method and the pictures both read, are
 * made once and dropped with the batch.
 */
final class DriftValues implements AutoCloseable {

    /** How the values of a batch's columns meet in the one value column of its table. */
    enum ValueType {
        DOUBLE, TEXT, BOOLEAN;

        static ValueType of(ColumnKind kind) {
            return switch (kind) {
                case NUMERIC, TEMPORAL -> DOUBLE;
                case BOOLEAN -> BOOLEAN;
                default -> TEXT;
            };
        }
    }

    /** A column to compare: as it is in the reference and in the current dataset. */
    record Pair(Column reference, Column current) {
    }

    final SqlEngine engine;
    final SqlDialect sql;
    final WorkTable table;
    /** The batch's columns, by {@link ColumnSummary#w()}. */
    final List<ColumnSummary> columns;
    /** Word counts made so far, by the columns they cover (see {@link #wordCounts}). */
    private final Map<Set<Integer>, WorkTable> words = new LinkedHashMap<>();
    /** Rankings made for {@link #cumulative}, read by queries until the batch is closed. */
    private final List<RankedRows> ranked = new ArrayList<>();

    private DriftValues(SqlEngine engine, WorkTable table, List<ColumnSummary> columns) {
        this.engine = engine;
        this.sql = engine.dialect();
        this.table = table;
        this.columns = List.copyOf(columns);
    }

    /** The batch's table and every column's counts; the pairs share one {@link ValueType}. */
    static DriftValues of(SqlEngine engine, String reference, String current, List<Pair> pairs) {
        SqlDialect sql = engine.dialect();
        ValueType type = ValueType.of(DriftKind.columnKindOf(pairs.get(0).reference().type()));
        List<String> which = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int w = 0; w < pairs.size(); w++) {
            Column column = pairs.get(w).reference();
            if (ValueType.of(DriftKind.columnKindOf(column.type())) != type) {
                throw new IllegalArgumentException("column " + column.name() + " is not of the batch's type " + type);
            }
            which.add(Integer.toString(w));
            values.add(value(sql, column));
        }
        String query = "SELECT w, v, count(*) FILTER (WHERE s = 0) AS r, count(*) FILTER (WHERE s = 1) AS c FROM ("
                + side(sql, 0, reference, which, values) + "\nUNION ALL " + side(sql, 1, current, which, values)
                + ")\nWHERE v IS NOT NULL" + (type == ValueType.DOUBLE ? " AND " + sql.isFinite("v") : "") + " GROUP BY w, v";
        return WorkTable.ownedBy(WorkTable.of(engine, "drift_values", query),
                table -> new DriftValues(engine, table, summaries(engine, table, pairs, type == ValueType.DOUBLE)));
    }

    /**
     * One side's rows as (s, w, v): which side, which column, its value. Written by concatenation,
     * never through a format string: column names may hold '%'.
     */
    private static String side(SqlDialect sql, int s, String relation, List<String> which, List<String> values) {
        return "SELECT " + s + " AS s, " + sql.unnestColumns(List.of("w", "v"), List.of(which, values)) + " FROM "
                + sql.quoteIdentifier(relation);
    }

    /** A column's values as the batch's type; text is cast so that an enumeration and a VARCHAR meet as labels. */
    private static String value(SqlDialect sql, Column column) {
        String quoted = sql.quoteIdentifier(column.name());
        return switch (DriftKind.columnKindOf(column.type())) {
            case TEMPORAL -> sql.castDouble(sql.epochMicros(quoted));
            case NUMERIC -> sql.castDouble(quoted);
            case BOOLEAN -> quoted;
            default -> sql.castText(quoted);
        };
    }

    private static List<ColumnSummary> summaries(SqlEngine engine, WorkTable table, List<Pair> pairs, boolean numeric) {
        Map<Integer, List<Object>> counted = new LinkedHashMap<>();
        for (List<Object> row : engine.smallResult("SELECT w, count(*), count(*) FILTER (WHERE r > 0), coalesce(sum(r), 0), "
                + "coalesce(sum(c), 0)" + (numeric ? ", min(v), max(v)" : "") + " FROM " + table.quoted() + " GROUP BY w")) {
            counted.put(((Number) row.get(0)).intValue(), row);
        }
        List<ColumnSummary> summaries = new ArrayList<>();
        for (int w = 0; w < pairs.size(); w++) {
            Column r = pairs.get(w).reference();
            Column c = pairs.get(w).current();
            ColumnKind kind = DriftKind.columnKindOf(r.type());
            // numpy floors a Sturges width at 1 for integer data: integers and microseconds.
            boolean integer = kind == ColumnKind.TEMPORAL || ColumnKind.isInteger(r.type()) && ColumnKind.isInteger(c.type());
            List<Object> row = counted.get(w);
            if (row == null) {
                summaries.add(new ColumnSummary(w, r.name(), kind, integer, 0, 0, 0, 0, Double.NaN, Double.NaN));
                continue;
            }
            summaries.add(new ColumnSummary(w, r.name(), kind, integer, number(row.get(3)), number(row.get(4)),
                    number(row.get(1)), number(row.get(2)), numeric ? asDouble(row.get(5)) : Double.NaN,
                    numeric ? asDouble(row.get(6)) : Double.NaN));
        }
        return summaries;
    }

    /** {@code w IN (...)} of the columns. */
    String among(Collection<ColumnSummary> of) {
        return "w IN (" + of.stream().map(s -> Integer.toString(s.w())).collect(Collectors.joining(", ")) + ")";
    }

    /** Per distinct value of the columns: (w, k, r, c). */
    String perValue(Collection<ColumnSummary> of) {
        return "SELECT w, v AS k, r, c FROM " + table.quoted() + " WHERE " + among(of);
    }

    /**
     * Per bin of each column's own equal-width edges (from {@link Histogram#edges}, as the map
     * gives them), empty bins included: (w, k, r, c, width), k the 0-based bin. Each column's
     * edges travel as one row of parameters (edge i is i * step + lo, the last hi, as
     * Histogram makes them), so the SQL grows with the columns, not with their bins.
     */
    String binned(Map<ColumnSummary, double[]> edges) {
        List<String> params = new ArrayList<>();
        edges.forEach((column, e) -> {
            int bins = e.length - 1;
            params.add("(" + column.w() + ", " + sql.doubleLiteral(e[0]) + ", " + sql.doubleLiteral(e[bins]) + ", "
                    + sql.doubleLiteral(e[bins] - e[0]) + ", " + sql.doubleLiteral((e[bins] - e[0]) / bins) + ", " + bins + ")");
        });
        String raw = Histogram.rawBinSql("v", "lo", "span", "n", "n - 1");
        String bin = Histogram.binIndexSql("v", "i", "lo", "step", "n - 1");
        String p = "(VALUES " + String.join(", ", params) + ") AS p(w, lo, hi, span, step, n)";
        UnaryOperator<String> edge = index -> "(" + sql.castDouble(index) + " * g.step + g.lo)";
        String width = "(CASE WHEN g.k + 1 = g.n THEN g.hi ELSE " + edge.apply("g.k + 1") + " END - " + edge.apply("g.k") + ")";
        return "SELECT g.w, g.k, coalesce(b.r, 0) AS r, coalesce(b.c, 0) AS c, " + width + " AS width FROM "
                + "(SELECT w, " + sql.unnestList(sql.integersBelow("n"), "k") + ", lo, hi, step, n FROM " + p
                + ") AS g LEFT JOIN (SELECT w, " + bin
                + " AS k, sum(r) AS r, sum(c) AS c FROM (SELECT t.w, v, r, c, lo, step, n, " + raw + " AS i FROM "
                + table.quoted() + " AS t JOIN " + p + " ON t.w = p.w) GROUP BY w, " + bin + ") AS b ON b.w = g.w AND b.k = g.k";
    }

    /**
     * Running counts in value order per column, with its totals: (w, v, next value, cr, cc, nr,
     * nc). One order, (w, v), unpartitioned, serves every running figure: the engine's ranking
     * ({@link SqlEngine#ranked}; DuckDB sorts once, and a window partitioned by column cost about
     * three times as much; Spark stays distributed), kept until the batch is closed. Each column's
     * running counts are then the window's minus the counts of the columns before it, which,
     * like the totals, are known from the summaries and joined in. Running counts are at most
     * the rows of a side: BIGINT, not the HUGEINT of a sum.
     */
    String cumulative(Collection<ColumnSummary> of) {
        List<String> rows = new ArrayList<>();
        long beforeR = 0;
        long beforeC = 0;
        for (ColumnSummary c : of.stream().sorted(Comparator.comparingInt(ColumnSummary::w)).toList()) {
            rows.add("(" + c.w() + ", " + c.referenceValues() + ", " + c.currentValues() + ", " + beforeR + ", " + beforeC + ")");
            beforeR += c.referenceValues();
            beforeC += c.currentValues();
        }
        RankedRows ordered = engine.ranked("SELECT w, v, r, c FROM " + table.quoted() + " WHERE " + among(of),
                new Ranking("w, v", null, List.of("r", "c"), List.of("w", "v")));
        ranked.add(ordered);
        return "SELECT t.w, v, CASE WHEN t.next_w = t.w THEN t.next_v END AS next, "
                + "CAST(t.running_r AS BIGINT) - n.br AS cr, CAST(t.running_c AS BIGINT) - n.bc AS cc, n.nr, n.nc FROM "
                + ordered.relation() + " AS t JOIN (VALUES " + String.join(", ", rows) + ") AS n(w, nr, nc, br, bc) ON t.w = n.w";
    }

    /**
     * Every word of the columns' text with its counts on each side, (w, k, r, c), made once
     * (a later call for some of the same columns reads the same table).
     * Tokenizing by regular expression is the costly part (about 1.5 s for a million texts of
     * 100 characters), so the texts are first cut at spaces, which is ten times cheaper, and only
     * the distinct pieces (a vocabulary, with their punctuation) are tokenized: the same words,
     * as no word spans a space.
     */
    String wordCounts(Collection<ColumnSummary> of) {
        Set<Integer> wanted = of.stream().map(ColumnSummary::w).collect(Collectors.toSet());
        for (Map.Entry<Set<Integer>, WorkTable> made : words.entrySet()) {
            if (made.getKey().containsAll(wanted)) {
                return "SELECT * FROM " + made.getValue().quoted() + " WHERE " + among(of);
            }
        }
        String pieces = "SELECT w, piece, sum(r) AS r, sum(c) AS c FROM (SELECT w, " + sql.unnestList(sql.spaceSeparated("v"), "piece")
                + ", r, c FROM " + table.quoted() + " WHERE " + among(of) + ") GROUP BY w, piece";
        WorkTable counts = WorkTable.of(engine, "drift_words", "SELECT w, word AS k, sum(r) AS r, sum(c) AS c FROM (SELECT w, "
                + sql.unnestList(sql.words("piece"), "word") + ", r, c FROM (" + pieces + ")) GROUP BY w, word");
        words.put(wanted, counts);
        return "SELECT * FROM " + counts.quoted();
    }

    /**
     * Per column, the {@code n} most frequent labels of a (w, k, r, c) relation (by r + c, ties
     * by label as text) and every other label pooled under a null label: (w, k, r, c, first),
     * {@code first} the rank of the bin's first label, for ordering.
     */
    String topLabels(String counts, int n) {
        String ranked = "SELECT w, " + sql.castText("k") + " AS k, r, c, row_number() OVER (PARTITION BY w ORDER BY r + c DESC, "
                + sql.castText("k") + ") AS rank FROM (" + counts + ")";
        return "SELECT w, CASE WHEN rank <= " + n + " THEN k END AS k, sum(r) AS r, sum(c) AS c, min(rank) AS first FROM ("
                + ranked + ") GROUP BY w, CASE WHEN rank <= " + n + " THEN k END";
    }

    static long number(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    static double asDouble(Object o) {
        return o == null ? Double.NaN : ((Number) o).doubleValue();
    }

    @Override
    public void close() {
        new ArrayList<>(words.values()).forEach(WorkTable::close);
        ranked.forEach(RankedRows::close);
        table.close();
    }
}
