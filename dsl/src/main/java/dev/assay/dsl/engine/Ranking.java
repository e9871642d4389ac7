package dev.assay.dsl.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link SqlEngine#ranked} adds to a query's rows, all in ONE total order {@code orderBy}
 * (a SQL ORDER BY list over the query's columns; it must not tie two rows, or their ranks are
 * the engine's choice): the row's 0-based rank (column {@code rankColumn}, BIGINT; null for none),
 * the running sum of each of {@code runningSums} up to and including the row (column
 * {@code running_<c>}), and the value of each of {@code nextValues} on the next row (column
 * {@code next_<c>}, NULL on the last row).
 * <p>
 * With {@code partitionBy} (columns of the query), the rank counts from 0 in each group of
 * equal values (NULL a group of its own), and {@code partitionRows}, when named, is the
 * group's row count: a stratified ranking. Running sums and next values are over the whole
 * order only.
 */
public record Ranking(List<String> partitionBy, String orderBy, String rankColumn, String partitionRows,
                      List<String> runningSums, List<String> nextValues) {

    public Ranking {
        partitionBy = List.copyOf(partitionBy);
        runningSums = List.copyOf(runningSums);
        nextValues = List.copyOf(nextValues);
        if (!partitionBy.isEmpty() && (!runningSums.isEmpty() || !nextValues.isEmpty())) {
            throw new IllegalArgumentException("running sums and next values are over the whole order, not per group");
        }
        if (partitionRows != null && partitionBy.isEmpty()) {
            throw new IllegalArgumentException("group row counts need groups (partitionBy)");
        }
    }

    /** Over the whole order: rank, running sums and next values. */
    public Ranking(String orderBy, String rankColumn, List<String> runningSums, List<String> nextValues) {
        this(List.of(), orderBy, rankColumn, null, runningSums, nextValues);
    }

    /** Only the rank, in column {@code rankColumn}. */
    public static Ranking rank(String orderBy, String rankColumn) {
        return new Ranking(orderBy, rankColumn, List.of(), List.of());
    }

    /** The rank within each group of equal {@code partitionBy} values, and the group's rows in {@code partitionRows}. */
    public static Ranking rankWithin(List<String> partitionBy, String orderBy, String rankColumn, String partitionRows) {
        return new Ranking(partitionBy, orderBy, rankColumn, partitionRows, List.of(), List.of());
    }

    public static String runningName(String column) {
        return "running_" + column;
    }

    public static String nextName(String column) {
        return "next_" + column;
    }

    /**
     * The rows with their ranks, sums and next values as window functions over the one order:
     * one sort on an engine of one machine (DuckDB's spelling; on Spark it would move every row,
     * or every row of a group, to one task).
     */
    public String windowSql(String query) {
        String partition = partitionBy.isEmpty() ? "" : "PARTITION BY " + String.join(", ", partitionBy) + " ";
        String over = "(" + partition + "ORDER BY " + orderBy + ")";
        List<String> added = new ArrayList<>();
        if (rankColumn != null) {
            added.add("CAST(row_number() OVER " + over + " - 1 AS BIGINT) AS " + rankColumn);
        }
        if (partitionRows != null) {
            added.add("count(*) OVER (" + partition.strip() + ") AS " + partitionRows);
        }
        added.add("*");
        for (String c : nextValues) {
            added.add("lead(" + c + ") OVER " + over + " AS " + nextName(c));
        }
        for (String c : runningSums) {
            added.add("sum(" + c + ") OVER (ORDER BY " + orderBy + " ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "
                    + runningName(c));
        }
        return "(SELECT " + String.join(", ", added) + " FROM (" + query + "))";
    }
}
