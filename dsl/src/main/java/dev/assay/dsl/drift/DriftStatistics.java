package dev.assay.dsl.drift;

import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.WorkTable;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Each method's statistic for one column, computed in the engine from the column's value
 * counts; Java only turns the few resulting numbers into p-values. The formulas, and which
 * reference (scipy, Evidently) each follows, are in docs/drift.md.
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

    static Outcome compute(DriftMethod method, DriftKind kind, ColumnValues v) {
        return switch (method) {
            case KS -> ks(v);
            case WASSERSTEIN -> wasserstein(v);
            case PSI -> new Outcome(psi(v, shareBins(kind, v)), null, null);
            case JS -> new Outcome(jensenShannon(v, shareBins(kind, v), v.referenceValues, v.currentValues), null, null);
            case HELLINGER -> hellinger(kind, v);
            case CHI2 -> chiSquare(v);
            case Z -> z(v);
            case TEXT -> text(v);
        };
    }

    private static String literal(SqlDialect sql, long n) {
        return sql.doubleLiteral(n);
    }

    /** Numbers with many reference values: Sturges bins over both samples; otherwise one bin per value. */
    private static String shareBins(DriftKind kind, ColumnValues v) {
        if (kind == DriftKind.NUMERIC && v.referenceDistinct > BINNED_ABOVE_DISTINCT) {
            return v.shareBins();
        }
        return v.perValue();
    }

    /**
     * |F_ref - F_cur| at a value of {@link ColumnValues#cumulative()}, times n_ref n_cur: the
     * exact integer |c_ref n_cur - c_cur n_ref|, in 128 bits.
     */
    private static String cdfGap(ColumnValues v) {
        SqlDialect sql = v.sql;
        return "abs(" + sql.castWideInteger("cr") + " * " + v.currentValues + " - " + sql.castWideInteger("cc") + " * "
                + v.referenceValues + ")";
    }

    /** D = max |F_ref - F_cur|, as the exact numerator max |c_ref n_cur - c_cur n_ref| over the values. */
    private static Outcome ks(ColumnValues v) {
        SqlDialect sql = v.sql;
        Object largest = v.query("SELECT " + sql.castText("max(" + cdfGap(v) + ")") + " FROM (" + v.cumulative() + ")")
                .get(0).get(0);
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.test(v.referenceValues, v.currentValues, new BigInteger((String) largest));
        String how = Math.max(v.referenceValues, v.currentValues) <= KolmogorovSmirnov.EXACT_LIMIT ? "exact p-value"
                : "asymptotic p-value";
        return new Outcome(r.statistic(), r.pValue(), how);
    }

    /**
     * scipy's wasserstein_distance: the area between the two empirical CDFs, summed over the gaps
     * between consecutive values; divided by the reference's population std, floored at 0.001.
     */
    private static Outcome wasserstein(ColumnValues v) {
        SqlDialect sql = v.sql;
        double area = v.scalar("SELECT " + sql.compensatedSum(sql.castDouble(cdfGap(v)) + " * (next - v)") + " FROM ("
                + v.cumulative() + ")");
        if (Double.isNaN(area)) {
            area = 0; // a single value: no gaps
        }
        double distance = area / ((double) v.referenceValues * v.currentValues);
        String n = literal(sql, v.referenceValues);
        double mean = v.scalar("SELECT " + sql.compensatedSum("r * v") + " / " + n + " FROM " + v.table.quoted());
        double variance = v.scalar("SELECT " + sql.compensatedSum("r * ((v - " + sql.doubleLiteral(mean) + ") * (v - "
                + sql.doubleLiteral(mean) + "))") + " / " + n + " FROM " + v.table.quoted());
        double std = Math.sqrt(variance);
        double norm = Math.max(std, 0.001);
        return new Outcome(distance / norm, null, std < 0.001 ? "the reference's std is below 0.001: divided by 0.001" : null);
    }

    /** Shares r / n of each bin, a zero share replaced per sample as Evidently does, then sum (r - c) ln(r / c). */
    static double psi(ColumnValues v, String bins) {
        SqlDialect sql = v.sql;
        String nr = literal(sql, v.referenceValues);
        String nc = literal(sql, v.currentValues);
        String small = sql.doubleLiteral(1e-4);
        String share = "CASE WHEN %1$s > 0 THEN %1$s / %2$s WHEN %3$s / %2$s <= " + small + " THEN %3$s / %2$s / "
                + sql.doubleLiteral(1e6) + " ELSE " + small + " END";
        String p = String.format(Locale.ROOT, share, sql.castDouble("r"), nr, sql.castDouble("mr"));
        String q = String.format(Locale.ROOT, share, sql.castDouble("c"), nc, sql.castDouble("mc"));
        return v.scalar("WITH b AS (" + bins + "), m AS (SELECT min(r) FILTER (WHERE r > 0) AS mr, "
                + "min(c) FILTER (WHERE c > 0) AS mc FROM b), s AS (SELECT " + p + " AS p, " + q + " AS q FROM b, m) "
                + "SELECT " + sql.compensatedSum("(p - q) * ln(p / q)") + " FROM s");
    }

    /** scipy's jensenshannon (natural log) of the shares r / nr and c / nc: sqrt of half the summed relative entropies to the mean. */
    static double jensenShannon(ColumnValues v, String bins, long nr, long nc) {
        SqlDialect sql = v.sql;
        String entropy = "CASE WHEN %1$s > 0 THEN %1$s * ln(%1$s / ((p + q) / 2)) ELSE 0 END";
        double sum = v.scalar("WITH s AS (SELECT " + sql.castDouble("r") + " / " + literal(sql, nr) + " AS p, "
                + sql.castDouble("c") + " / " + literal(sql, nc) + " AS q FROM (" + bins + ")) SELECT "
                + sql.compensatedSum(String.format(Locale.ROOT, entropy, "p") + " + " + String.format(Locale.ROOT, entropy, "q"))
                + " FROM s");
        return Math.sqrt(Math.max(0, sum) / 2);
    }

    /**
     * Evidently's Hellinger distance sqrt(1 - BC), BC the Bhattacharyya coefficient clipped to
     * [0, 1]: over the category shares, or for numbers over density histograms on Sturges
     * edges of the distinct values of both samples.
     */
    private static Outcome hellinger(DriftKind kind, ColumnValues v) {
        SqlDialect sql = v.sql;
        String nr = literal(sql, v.referenceValues);
        String nc = literal(sql, v.currentValues);
        if (v.distinct == 1) {
            // Evidently's bin width is 0 here, which reads as the largest distance; both samples hold one value.
            return new Outcome(0.0, null, "one value in both datasets");
        }
        double coefficient;
        if (kind != DriftKind.NUMERIC) {
            coefficient = v.scalar("SELECT " + sql.compensatedSum("sqrt((" + sql.castDouble("r") + " / " + nr + ") * ("
                    + sql.castDouble("c") + " / " + nc + "))") + " FROM (" + v.perValue() + ")");
        } else {
            double[] edges = SturgesBins.edges(v.distinct, v.min, v.max, v.integer);
            int bins = edges.length - 1;
            String list = sql.listLiteral(java.util.Arrays.stream(edges).mapToObj(sql::doubleLiteral).toList());
            String width = "(" + sql.listElement(list, "k + 2") + " - " + sql.listElement(list, "k + 1") + ")";
            double sum = v.scalar("SELECT " + sql.compensatedSum("sqrt((" + sql.castDouble("r") + " / " + width + " / " + nr
                    + ") * (" + sql.castDouble("c") + " / " + width + " / " + nc + "))") + " FROM (" + v.perBin(edges) + ")");
            coefficient = sum * ((v.max - v.min) / bins);
        }
        return new Outcome(Math.sqrt(1 - Math.max(0, Math.min(1, coefficient))), null, null);
    }

    /**
     * scipy's chisquare of the current counts against the reference counts scaled to the
     * current size, over every value of either sample; k - 1 degrees of freedom.
     */
    private static Outcome chiSquare(ColumnValues v) {
        SqlDialect sql = v.sql;
        String scale = sql.doubleLiteral((double) v.currentValues / v.referenceValues);
        String expected = "(" + sql.castDouble("r") + " * " + scale + ")";
        List<Object> row = v.query("SELECT " + sql.compensatedSum("(" + sql.castDouble("c") + " - " + expected + ") * ("
                + sql.castDouble("c") + " - " + expected + ") / " + expected) + " FILTER (WHERE r > 0), count(*), "
                + "count(*) FILTER (WHERE r = 0), " + sql.castText("min(k) FILTER (WHERE r = 0)")
                + " FROM (" + v.perValue() + ")").get(0);
        long categories = ColumnValues.number(row.get(1));
        long onlyCurrent = ColumnValues.number(row.get(2));
        if (onlyCurrent > 0) {
            String example = String.valueOf(row.get(3));
            if (v.integer && example.endsWith(".0")) {
                example = example.substring(0, example.length() - 2); // integers travel as DOUBLE
            }
            return new Outcome(null, 0.0, onlyCurrent + " value(s) occur only in the current data (such as '" + example
                    + "'): chi-square is infinite");
        }
        double statistic = row.get(0) == null ? 0 : ((Number) row.get(0)).doubleValue();
        if (categories < 2) {
            return new Outcome(0.0, 1.0, "one value in both datasets");
        }
        return new Outcome(statistic, ChiSquaredDistribution.of(categories - 1).survivalProbability(statistic), null);
    }

    /**
     * Evidently's pooled two-proportion z-test: p1, p2 the shares of the second value (in
     * sort order) in reference and current, z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)).
     */
    private static Outcome z(ColumnValues v) {
        List<List<Object>> rows = v.query("SELECT r, c FROM " + v.table.quoted() + " ORDER BY v");
        if (rows.size() < 2) {
            return new Outcome(0.0, 1.0, "one value in both datasets");
        }
        double n1 = v.referenceValues;
        double n2 = v.currentValues;
        double p1 = ColumnValues.number(rows.get(1).get(0)) / n1;
        double p2 = ColumnValues.number(rows.get(1).get(1)) / n2;
        double pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        double z = (p1 - p2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new Outcome(z, 2 * NormalDistribution.of(0, 1).survivalProbability(Math.abs(z)), null);
    }

    /**
     * Free text: the Jensen-Shannon distance between the word frequencies of the two samples,
     * over the most common words of both together, all other words pooled in one bin.
     */
    private static Outcome text(ColumnValues v) {
        try (WorkTable words = WorkTable.of(v.engine, "drift_top_words", "SELECT k, r, c FROM ("
                + v.topLabels(v.wordCounts(), TEXT_WORDS) + ")")) {
            List<Object> totals = v.query("SELECT coalesce(sum(r), 0), coalesce(sum(c), 0) FROM " + words.quoted()).get(0);
            long nr = ColumnValues.number(totals.get(0));
            long nc = ColumnValues.number(totals.get(1));
            if (nr == 0 || nc == 0) {
                return new Outcome(nr == nc ? 0.0 : 1.0, null, "no words in " + (nr == 0 ? "the reference" : "the current data"));
            }
            double distance = jensenShannon(v, "SELECT * FROM " + words.quoted(), nr, nc);
            return new Outcome(distance, null, mostChanged(v, words, nr, nc));
        }
    }

    /** The three words whose share moved most, for the note: "'free' 0.8% -> 2.1%". */
    private static String mostChanged(ColumnValues v, WorkTable words, long nr, long nc) {
        SqlDialect sql = v.sql;
        String p = sql.castDouble("r") + " / " + literal(sql, nr);
        String q = sql.castDouble("c") + " / " + literal(sql, nc);
        List<List<Object>> rows = v.query("SELECT k, " + p + ", " + q + " FROM " + words.quoted()
                + " WHERE k IS NOT NULL ORDER BY abs(" + p + " - " + q + ") DESC, k LIMIT 3");
        StringBuilder note = new StringBuilder("words compared: the " + TEXT_WORDS + " most common; most changed:");
        for (List<Object> row : rows) {
            note.append(String.format(Locale.ROOT, " '%s' %.2f%% -> %.2f%%;", row.get(0),
                    100 * ((Number) row.get(1)).doubleValue(), 100 * ((Number) row.get(2)).doubleValue()));
        }
        return note.substring(0, note.length() - 1);
    }
}
