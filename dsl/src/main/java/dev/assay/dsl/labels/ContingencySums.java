package dev.assay.dsl.labels;

import dev.assay.dsl.engine.SqlDialect;

/**
 * The sums from which chi-squared and mutual information of many contingency tables follow, in
 * one statement: shared by labels (a column against the label) and correlations (Cramér's V
 * of a pair of categories).
 */
public final class ContingencySums {

    private ContingencySums() {
    }

    /**
     * Per table w of a cells relation (w, k, y, o): (w, r, s, mi), r the rows of its table (values
     * or bins present), s = sum of O^2 / (R C) and mi = sum of O/n ln(n O / (R C)) over its
     * nonzero cells (R the cell's row total, C its label's total, n the column's), so that
     * chi2 = n (s - 1) and mi is the mutual information. Counts become doubles before they
     * multiply: no overflow; sums are compensated where the engine can.
     */
    public static String sql(SqlDialect sql, String cells) {
        String x = "SELECT c.w, c.k, " + sql.castDouble("c.o") + " AS o, " + sql.castDouble("r.rk") + " AS rk, "
                + sql.castDouble("l.cy") + " AS cy, " + sql.castDouble("t.n") + " AS n FROM (" + cells + ") AS c"
                + " JOIN (SELECT w, k, sum(o) AS rk FROM (" + cells + ") GROUP BY w, k) AS r ON c.w = r.w AND c.k = r.k"
                + " JOIN (SELECT w, y, sum(o) AS cy FROM (" + cells + ") GROUP BY w, y) AS l ON c.w = l.w AND c.y = l.y"
                + " JOIN (SELECT w, sum(o) AS n FROM (" + cells + ") GROUP BY w) AS t ON c.w = t.w";
        return "SELECT w, count(DISTINCT k) AS r, " + sql.compensatedSum("o * o / (rk * cy)") + " AS s, "
                + sql.compensatedSum("o / n * ln(n * o / (rk * cy))") + " AS mi FROM (" + x + ") GROUP BY w";
    }
}
