package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Equal-width bins over [min, max], with the edges and bin rule of {@code numpy.histogram}:
 * each bin holds values from its left edge up to, not including, its right edge, except the
 * last, which includes {@code max}. Edges are numbers, or timestamps for temporal columns.
 */
public record Histogram(List<Object> edges, List<Long> counts, List<Object> values) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        values = values == null ? null : List.copyOf(values);
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException(edges.size() + " edges for " + counts.size() + " bins");
        }
        if (values != null && values.size() != counts.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + counts.size() + " bins");
        }
    }

    /** Equal-width bins. */
    public Histogram(List<Object> edges, List<Long> counts) {
        this(edges, counts, null);
    }

    /** One bin per value ({@link PerValueBins}): {@code values} are the values, one per bin; null for equal-width bins. */
    public boolean perValue() {
        return values != null;
    }

    /** The most bins a profile histogram has; fewer when the column has fewer distinct values. */
    public static final int MAX_BINS = 50;

    /**
     * The k + 1 edges numpy uses: {@code linspace(lo, hi, k + 1)}, i.e. {@code lo + i * step}
     * with the last edge exactly {@code hi}. A zero-width range is {@link #widened}.
     */
    public static double[] edges(double min, double max, int bins) {
        double[] range = widened(min, max);
        double lo = range[0];
        double hi = range[1];
        double step = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + lo;
        }
        edges[bins] = hi;
        return edges;
    }

    /**
     * [min, max], or when they are equal a range around them: numpy widens by 0.5 each side,
     * which does nothing above 2^53 (1e17 - 0.5 is 1e17), and a range of width 0 makes the
     * bin arithmetic divide by zero; there the range is widened to the neighbouring doubles.
     */
    static double[] widened(double min, double max) {
        if (min != max) {
            return new double[] {min, max};
        }
        double lo = min - 0.5;
        double hi = max + 0.5;
        return new double[] {lo < min ? lo : Math.nextDown(min), hi > max ? hi : Math.nextUp(max)};
    }

    /**
     * The bin index of a DOUBLE expression as arithmetic gives it, for {@link #binIndexSql}: the
     * last bin takes the maximum. NULL stays NULL (LEAST would turn it into a bin).
     */
    public static String rawBinSql(SqlDialect sql, String value, double[] edges) {
        int bins = edges.length - 1;
        return rawBinSql(value, sql.doubleLiteral(edges[0]), sql.doubleLiteral(edges[bins] - edges[0]), Integer.toString(bins),
                Integer.toString(bins - 1));
    }

    /**
     * {@link #rawBinSql(SqlDialect, String, double[])} of equal-width bins given as SQL
     * expressions (columns, when every row carries its own bins): the lowest edge, the span
     * (highest edge - lowest), the number of bins and the last bin's index.
     */
    public static String rawBinSql(String value, String lo, String span, String bins, String last) {
        String raw = "CAST(floor((" + value + " - " + lo + ") / " + span + " * " + bins + ") AS BIGINT)";
        return "CASE WHEN " + raw + " > " + last + " THEN " + last + " ELSE " + raw + " END";
    }

    /**
     * numpy's bin of a value (0-based): the raw index from {@link #rawBinSql}, named {@code raw},
     * corrected by one against the exact edges, so that a value on an edge falls where numpy
     * puts it ([left, right), the last bin closed).
     */
    public static String binIndexSql(SqlDialect sql, String value, String raw, double[] edges) {
        return binIndexSql(value, raw, index -> edgeSql(sql, index, edges), Integer.toString(edges.length - 2));
    }

    /**
     * {@link #binIndexSql(SqlDialect, String, String, double[])} of linspace edges given as SQL
     * expressions: edge {@code i} (below the last) is {@code i * step + lo}, as {@link #edges} makes it.
     */
    public static String binIndexSql(String value, String raw, String lo, String step, String last) {
        return binIndexSql(value, raw, index -> "(CAST(" + index + " AS DOUBLE) * " + step + " + " + lo + ")", last);
    }

    private static String binIndexSql(String value, String raw, UnaryOperator<String> edge, String last) {
        return "CASE WHEN " + value + " < " + edge.apply(raw) + " THEN " + raw + " - 1"
                + " WHEN " + raw + " <> " + last + " AND " + value + " >= " + edge.apply(raw + " + 1")
                + " THEN " + raw + " + 1 ELSE " + raw + " END";
    }

    /** {@link #binIndexSql} of a value, whole: its raw index computed in place. */
    public static String binIndexSql(SqlDialect sql, String value, double[] edges) {
        return binIndexSql(sql, value, "(" + rawBinSql(sql, value, edges) + ")", edges);
    }

    /**
     * Edge number {@code index} (below the last) in SQL. Edges from {@link #edges} are
     * {@code index * step + lo} and that arithmetic in doubles gives them exactly, so a few
     * characters replace a list of every edge, which made the SQL of a wide histogram scan
     * megabytes long; other edges are looked up in their list.
     */
    private static String edgeSql(SqlDialect sql, String index, double[] edges) {
        int bins = edges.length - 1;
        double step = (edges[bins] - edges[0]) / bins;
        if (Arrays.equals(edges, edges(edges[0], edges[bins], bins))) {
            return "(CAST(" + index + " AS DOUBLE) * " + sql.doubleLiteral(step) + " + " + sql.doubleLiteral(edges[0]) + ")";
        }
        String list = sql.listLiteral(Arrays.stream(edges).mapToObj(sql::doubleLiteral).toList());
        return sql.listElement(list, index + " + 1");
    }

    static List<Object> boxed(double[] edges) {
        List<Object> list = new ArrayList<>(edges.length);
        for (double e : edges) {
            list.add(e);
        }
        return list;
    }
}
