package dev.assay.dsl.profile;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal-width bins over [min, max], with the edges and bin rule of {@code numpy.histogram}:
 * each bin holds values from its left edge up to, not including, its right edge, except the
 * last, which includes {@code max}. Edges are numbers, or timestamps for temporal columns.
 */
public record Histogram(List<Object> edges, List<Long> counts) {

    public Histogram {
        edges = List.copyOf(edges);
        counts = List.copyOf(counts);
        if (edges.size() != counts.size() + 1) {
            throw new IllegalArgumentException(edges.size() + " edges for " + counts.size() + " bins");
        }
    }

    /** The most bins a profile histogram has; fewer when the column has fewer distinct values. */
    public static final int MAX_BINS = 50;

    /**
     * The k + 1 edges numpy uses: {@code linspace(lo, hi, k + 1)}, i.e. {@code lo + i * step}
     * with the last edge exactly {@code hi}. numpy widens a zero-width range by 0.5 each side.
     */
    public static double[] edges(double min, double max, int bins) {
        double lo = min;
        double hi = max;
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        double step = (hi - lo) / bins;
        double[] edges = new double[bins + 1];
        for (int i = 0; i < bins; i++) {
            edges[i] = i * step + lo;
        }
        edges[bins] = hi;
        return edges;
    }

    /**
     * The bin index of a DOUBLE expression as arithmetic gives it, for {@link #binIndexSql}: the
     * last bin takes the maximum. NULL stays NULL (LEAST would turn it into a bin).
     */
    public static String rawBinSql(SqlDialect sql, String value, double[] edges) {
        int bins = edges.length - 1;
        String raw = "CAST(floor((" + value + " - " + sql.doubleLiteral(edges[0]) + ") / "
                + sql.doubleLiteral(edges[bins] - edges[0]) + " * " + bins + ") AS BIGINT)";
        return "CASE WHEN " + raw + " > " + (bins - 1) + " THEN " + (bins - 1) + " ELSE " + raw + " END";
    }

    /**
     * numpy's bin of a value (0-based): the raw index from {@link #rawBinSql}, named {@code raw},
     * corrected by one against the exact edges, so that a value on an edge falls where numpy
     * puts it ([left, right), the last bin closed).
     */
    public static String binIndexSql(SqlDialect sql, String value, String raw, double[] edges) {
        int last = edges.length - 2;
        String list = sql.listLiteral(java.util.Arrays.stream(edges).mapToObj(sql::doubleLiteral).toList());
        return "CASE WHEN " + value + " < " + sql.listElement(list, raw + " + 1") + " THEN " + raw + " - 1"
                + " WHEN " + raw + " <> " + last + " AND " + value + " >= " + sql.listElement(list, raw + " + 2")
                + " THEN " + raw + " + 1 ELSE " + raw + " END";
    }

    static List<Object> boxed(double[] edges) {
        List<Object> list = new ArrayList<>(edges.length);
        for (double e : edges) {
            list.add(e);
        }
        return list;
    }
}
