package dev.assay.dsl.drift;

import dev.assay.dsl.engine.SqlDialect;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Each method's statistic for the columns of a batch, computed in the engine from their value
 * counts, one statement per method for all the columns it applies to; Java only turns the few
 * resulting numbers into p-values. The formulas, and which reference (scipy, Evidently) each
 * follows, are in docs/drift.md. Counts stay integers in the engine; a column's totals are
 * sums over its own rows, never literals, so one statement serves every column.
 */
final class DriftStatistics {

    /** Statistic (null when infinite), p-value (null for distances), and a note or null. */
    record Outcome(Double statistic, Double pValue, String note) {
    }

    /** Above this many distinct reference values psi and js bin numbers (Sturges); at or below, value by value (Evidently's rule). */
    static final int BINNED_ABOVE_DISTINCT = 20;
    /** Free text compares the frequencies of this many most common words, the rest pooled. */
    static final int TEXT_WORDS = 100;

    private DriftStatistics() {
    }

    /** The statements computing {@code method} for {@code columns} (each has values on both sides). */
    static List<PerColumnQuery<Outcome>> queries(DriftMethod method, List<ColumnSummary> columns, DriftValues v) {
        return switch (method) {
            case KS -> List.of(ks(columns, v));
            case WASSERSTEIN -> List.of(wasserstein(columns, v));
            case PSI -> List.of(new PerColumnQuery<>(psi(v.sql, shareBins(columns, v)), columns,
                    (column, rows) -> new Outcome(first(rows), null, null)));
            case JS -> List.of(new PerColumnQuery<>(jensenShannon(v.sql, shareBins(columns, v)), columns,
                    (column, rows) -> new Outcome(Math.sqrt(Math.max(0, first(rows)) / 2), null, null)));
            case HELLINGER -> hellinger(columns, v);
            case CHI2 -> List.of(chiSquare(columns, v));
            case Z -> List.of(z(columns, v));
            case TEXT -> List.of(text(columns, v));
        };
    }

    /** The one number a column's row carries after its w; NaN when it has none. */
    private static double first(List<List<Object>> rows) {
        return rows.isEmpty() ? Double.NaN : DriftValues.asDouble(rows.get(0).get(1));
    }

    /** (w, r, c): numbers with many reference values in Sturges bins over both samples; other columns one bin per value. */
    private static String shareBins(List<ColumnSummary> columns, DriftValues v) {
        Map<ColumnSummary, double[]> binned = new LinkedHashMap<>();
        List<ColumnSummary> perValue = new ArrayList<>();
        for (ColumnSummary column : columns) {
            if (column.driftKind() == DriftKind.NUMERIC && column.referenceDistinct() > BINNED_ABOVE_DISTINCT) {
                binned.put(column, column.shareEdges());
            } else {
                perValue.add(column);
            }
        }
        List<String> parts = new ArrayList<>();
        if (!binned.isEmpty()) {
            parts.add("SELECT w, r, c FROM (" + v.binned(binned) + ")");
        }
        if (!perValue.isEmpty()) {
            parts.add("SELECT w, r, c FROM (" + v.perValue(perValue) + ")");
        }
        return String.join("\nUNION ALL ", parts);
    }

    /**
     * |F_ref - F_cur| at a value of {@link DriftValues#cumulative}, times n_ref n_cur: the exact
     * integer |c_ref n_cur - c_cur n_ref|, in 64 bits when n_ref n_cur fits them for every
     * column (HUGEINT arithmetic costs several times as much), else in 128.
     */
    private static String cdfGap(SqlDialect sql, List<ColumnSummary> columns) {
        boolean fits = columns.stream().allMatch(c -> Math.multiplyHigh(c.referenceValues(), c.currentValues()) == 0
                && c.referenceValues() * c.currentValues() >= 0);
        if (fits) {
            return "abs(cr * nc - cc * nr)";
        }
        return "abs(" + sql.castWideInteger("cr") + " * nc - " + sql.castWideInteger("cc") + " * nr)";
    }

    /** D = max |F_ref - F_cur|, as the exact numerator max |c_ref n_cur - c_cur n_ref| over the values. */
    private static PerColumnQuery<Outcome> ks(List<ColumnSummary> columns, DriftValues v) {
        SqlDialect sql = v.sql;
        String query = "SELECT w, " + sql.castText("max(" + cdfGap(sql, columns) + ")") + " FROM (" + v.cumulative(columns) + ") GROUP BY w";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            long n = column.referenceValues();
            long m = column.currentValues();
            KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(n, m, new BigInteger((String) rows.get(0).get(1)));
            String how = Math.max(n, m) <= KolmogorovSmirnov.EXACT_LIMIT ? "exact p-value" : "asymptotic p-value";
            return new Outcome(r.statistic(), r.pValue(), how);
        });
    }

    /**
     * scipy's wasserstein_distance: the area between the two empirical CDFs, summed over the gaps
     * between consecutive values; divided by the reference's population std, floored at 0.001.
     */
    private static PerColumnQuery<Outcome> wasserstein(List<ColumnSummary> columns, DriftValues v) {
        SqlDialect sql = v.sql;
        String t = v.table.quoted();
        String query = "WITH a AS (SELECT w, " + sql.compensatedSum(sql.castDouble(cdfGap(sql, columns)) + " * (next - v)") + " AS area FROM ("
                + v.cumulative(columns) + ") GROUP BY w),\n"
                + "m AS (SELECT w, " + sql.compensatedSum("r * v") + " / " + sql.castDouble("sum(r)") + " AS mean FROM " + t
                + " WHERE " + v.among(columns) + " GROUP BY w),\n"
                + "d AS (SELECT t.w, " + sql.compensatedSum("r * ((v - mean) * (v - mean))") + " / " + sql.castDouble("sum(r)")
                + " AS variance FROM " + t + " AS t JOIN m ON t.w = m.w GROUP BY t.w)\n"
                + "SELECT a.w, a.area, d.variance FROM a JOIN d ON a.w = d.w";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            double area = DriftValues.asDouble(rows.get(0).get(1));
            if (Double.isNaN(area)) {
                area = 0; // a single value: no gaps
            }
            double distance = area / ((double) column.referenceValues() * column.currentValues());
            double std = Math.sqrt(DriftValues.asDouble(rows.get(0).get(2)));
            double norm = Math.max(std, 0.001);
            return new Outcome(distance / norm, null, std < 0.001 ? "the reference's std is below 0.001: divided by 0.001" : null);
        });
    }

    /** Shares r / n of each bin, a zero share replaced per sample as Evidently does, then sum (r - c) ln(r / c), per column. */
    static String psi(SqlDialect sql, String bins) {
        String small = sql.doubleLiteral(1e-4);
        String share = "CASE WHEN %1$s > 0 THEN %1$s / %2$s WHEN %3$s / %2$s <= " + small + " THEN %3$s / %2$s / "
                + sql.doubleLiteral(1e6) + " ELSE " + small + " END";
        String p = String.format(Locale.ROOT, share, sql.castDouble("r"), sql.castDouble("nr"), sql.castDouble("mr"));
        String q = String.format(Locale.ROOT, share, sql.castDouble("c"), sql.castDouble("nc"), sql.castDouble("mc"));
        return "WITH b AS (" + bins + "), m AS (SELECT w, min(r) FILTER (WHERE r > 0) AS mr, min(c) FILTER (WHERE c > 0) AS mc, "
                + "sum(r) AS nr, sum(c) AS nc FROM b GROUP BY w), s AS (SELECT b.w, " + p + " AS p, " + q
                + " AS q FROM b JOIN m ON b.w = m.w) SELECT w, " + sql.compensatedSum("(p - q) * ln(p / q)") + " FROM s GROUP BY w";
    }

    /** Per column, the sum of scipy's jensenshannon (natural log) over the shares r / nr and c / nc; the distance is sqrt(sum / 2). */
    static String jensenShannon(SqlDialect sql, String bins) {
        String entropy = "CASE WHEN %1$s > 0 THEN %1$s * ln(%1$s / ((p + q) / 2)) ELSE 0 END";
        return "WITH b AS (" + bins + "), n AS (SELECT w, sum(r) AS nr, sum(c) AS nc FROM b GROUP BY w), "
                + "s AS (SELECT b.w, " + sql.castDouble("r") + " / " + sql.castDouble("nr") + " AS p, " + sql.castDouble("c") + " / "
                + sql.castDouble("nc") + " AS q FROM b JOIN n ON b.w = n.w) SELECT w, "
                + sql.compensatedSum(String.format(Locale.ROOT, entropy, "p") + " + " + String.format(Locale.ROOT, entropy, "q"))
                + " FROM s GROUP BY w";
    }

    /**
     * Evidently's Hellinger distance sqrt(1 - BC), BC the Bhattacharyya coefficient clipped to
     * [0, 1]: over the category shares, or for numbers over density histograms on Sturges
     * edges of the distinct values of both samples.
     */
    private static List<PerColumnQuery<Outcome>> hellinger(List<ColumnSummary> columns, DriftValues v) {
        SqlDialect sql = v.sql;
        Map<ColumnSummary, double[]> numeric = new LinkedHashMap<>();
        List<ColumnSummary> categorical = new ArrayList<>();
        for (ColumnSummary column : columns) {
            if (column.driftKind() == DriftKind.NUMERIC) {
                numeric.put(column, column.distinctEdges());
            } else {
                categorical.add(column);
            }
        }
        String totals = "sum(r) OVER (PARTITION BY w) AS nr, sum(c) OVER (PARTITION BY w) AS nc";
        List<PerColumnQuery<Outcome>> queries = new ArrayList<>();
        if (!categorical.isEmpty()) {
            String query = "SELECT w, " + sql.compensatedSum("sqrt((" + sql.castDouble("r") + " / " + sql.castDouble("nr")
                    + ") * (" + sql.castDouble("c") + " / " + sql.castDouble("nc") + "))") + " FROM (SELECT w, r, c, " + totals
                    + " FROM (" + v.perValue(categorical) + ")) GROUP BY w";
            queries.add(new PerColumnQuery<>(query, categorical, (column, rows) -> hellinger(column, first(rows))));
        }
        if (!numeric.isEmpty()) {
            BinaryOperator<String> density = (count, total) -> count + " / width / " + sql.castDouble(total);
            String query = "SELECT w, " + sql.compensatedSum("sqrt((" + density.apply(sql.castDouble("r"), "nr")
                    + ") * (" + density.apply(sql.castDouble("c"), "nc") + "))") + " FROM (SELECT w, r, c, width, "
                    + totals + " FROM (" + v.binned(numeric) + ")) GROUP BY w";
            queries.add(new PerColumnQuery<>(query, List.copyOf(numeric.keySet()), (column, rows) -> {
                int bins = numeric.get(column).length - 1;
                return hellinger(column, first(rows) * ((column.max() - column.min()) / bins));
            }));
        }
        return queries;
    }

    private static Outcome hellinger(ColumnSummary column, double coefficient) {
        if (column.distinct() == 1) {
            // Evidently's bin width is 0 here, which reads as the largest distance; both samples hold one value.
            return new Outcome(0.0, null, "one value in both datasets");
        }
        return new Outcome(Math.sqrt(1 - Math.max(0, Math.min(1, coefficient))), null, null);
    }

    /**
     * scipy's chisquare of the current counts against the reference counts scaled to the
     * current size, over every value of either sample; k - 1 degrees of freedom.
     */
    private static PerColumnQuery<Outcome> chiSquare(List<ColumnSummary> columns, DriftValues v) {
        SqlDialect sql = v.sql;
        String expected = "(" + sql.castDouble("r") + " * (" + sql.castDouble("nc") + " / " + sql.castDouble("nr") + "))";
        String query = "SELECT w, " + sql.compensatedSum("(" + sql.castDouble("c") + " - " + expected + ") * ("
                + sql.castDouble("c") + " - " + expected + ") / " + expected) + " FILTER (WHERE r > 0), count(*), "
                + "count(*) FILTER (WHERE r = 0), " + sql.castText("min(k) FILTER (WHERE r = 0)")
                + " FROM (SELECT w, k, r, c, sum(r) OVER (PARTITION BY w) AS nr, sum(c) OVER (PARTITION BY w) AS nc FROM ("
                + v.perValue(columns) + ")) GROUP BY w";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            List<Object> row = rows.get(0);
            long categories = DriftValues.number(row.get(2));
            long onlyCurrent = DriftValues.number(row.get(3));
            if (onlyCurrent > 0) {
                String example = String.valueOf(row.get(4));
                if (column.integer() && example.endsWith(".0")) {
                    example = example.substring(0, example.length() - 2); // integers travel as DOUBLE
                }
                return new Outcome(null, 0.0, onlyCurrent + " value(s) occur only in the current data (such as '" + example
                        + "'): chi-square is infinite");
            }
            double statistic = row.get(1) == null ? 0 : ((Number) row.get(1)).doubleValue();
            if (categories < 2) {
                return new Outcome(0.0, 1.0, "one value in both datasets");
            }
            return new Outcome(statistic, ChiSquaredDistribution.of(categories - 1).survivalProbability(statistic), null);
        });
    }

    /**
     * Evidently's pooled two-proportion z-test: p1, p2 the shares of the second value (in
     * sort order) in reference and current, z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)).
     */
    private static PerColumnQuery<Outcome> z(List<ColumnSummary> columns, DriftValues v) {
        String query = "SELECT w, r, c FROM (SELECT w, r, c, row_number() OVER (PARTITION BY w ORDER BY v) AS place FROM "
                + v.table.quoted() + " WHERE " + v.among(columns) + ") WHERE place = 2";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            if (rows.isEmpty()) {
                return new Outcome(0.0, 1.0, "one value in both datasets");
            }
            double n1 = column.referenceValues();
            double n2 = column.currentValues();
            double p1 = DriftValues.number(rows.get(0).get(1)) / n1;
            double p2 = DriftValues.number(rows.get(0).get(2)) / n2;
            double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
            double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
            return new Outcome(z, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z)), null);
        });
    }

    /**
     * Free text: the Jensen-Shannon distance between the word frequencies of the two samples,
     * over the most common words of both together, all other words pooled in one bin. The
     * engine counts and ranks the words; the at most {@link #TEXT_WORDS} + 1 bins per column
     * come to Java, which sums them.
     */
    private static PerColumnQuery<Outcome> text(List<ColumnSummary> columns, DriftValues v) {
        String query = "SELECT w, k, r, c FROM (" + v.topLabels(v.wordCounts(columns), TEXT_WORDS) + ") ORDER BY w, first";
        return new PerColumnQuery<>(query, columns, (column, rows) -> {
            long nr = rows.stream().mapToLong(row -> DriftValues.number(row.get(2))).sum();
            long nc = rows.stream().mapToLong(row -> DriftValues.number(row.get(3))).sum();
            if (nr == 0 || nc == 0) {
                return new Outcome(nr == nc ? 0.0 : 1.0, null, "no words in " + (nr == 0 ? "the reference" : "the current data"));
            }
            double sum = 0;
            double compensation = 0;
            for (List<Object> row : rows) {
                double p = DriftValues.number(row.get(2)) / (double) nr;
                double q = DriftValues.number(row.get(3)) / (double) nc;
                double term = entropyTerm(p, p, q) + entropyTerm(q, p, q);
                // Kahan's compensated sum, as the engine's fsum for the other methods.
                double y = term - compensation;
                double t = sum + y;
                compensation = (t - sum) - y;
                sum = t;
            }
            return new Outcome(Math.sqrt(Math.max(0, sum) / 2), null, mostChanged(rows, nr, nc));
        });
    }

    private static double entropyTerm(double x, double p, double q) {
        return x > 0 ? x * Math.log(x / ((p + q) / 2)) : 0;
    }

    /** The three words whose share moved most, for the note: "'free' 0.8% -> 2.1%". */
    private static String mostChanged(List<List<Object>> rows, long nr, long nc) {
        record Word(String word, double p, double q) {
        }
        List<Word> words = rows.stream().filter(row -> row.get(1) != null)
                .map(row -> new Word((String) row.get(1), DriftValues.number(row.get(2)) / (double) nr,
                        DriftValues.number(row.get(3)) / (double) nc))
                .sorted(Comparator.comparingDouble((Word w) -> -Math.abs(w.p() - w.q())).thenComparing(Word::word))
                .limit(3).toList();
        StringBuilder note = new StringBuilder("words compared: the " + TEXT_WORDS + " most common; most changed:");
        for (Word word : words) {
            note.append(String.format(Locale.ROOT, " '%s' %.2f%% -> %.2f%%;", word.word(), 100 * word.p(), 100 * word.q()));
        }
        return note.substring(0, note.length() - 1);
    }
}
