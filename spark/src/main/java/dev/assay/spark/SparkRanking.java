package dev.assay.spark;

import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link SqlEngine#ranked} without moving every row to one task, as a window without PARTITION
 * BY would. The rows are stored sorted: Spark's ORDER BY is a distributed range-partitioned
 * sort, and the engine's row ordinal ({@code monotonically_increasing_id()}: partition index
 * << 33 | position in the partition, fixed by the checkpoint) follows the order. A row's rank is
 * the rows of the partitions before its own plus its position; its running sum is the sum of
 * the partitions before plus a window partitioned by partition. Only the per-partition counts
 * and sums, a row per partition, meet in one task. The next row's values are a join on rank + 1.
 */
final class SparkRanking {

    /** The position's bits in a {@code monotonically_increasing_id()}; the partition index is above them. */
    private static final int POSITION_BITS = 33;
    private static final String ROW = SparkDialect.ROW_ORDINAL;
    /** The rank a ranking needs for its next values when the caller asked for none. */
    private static final String INNER_RANK = "__assay_rank";

    private SparkRanking() {
    }

    static RankedRows of(SqlEngine engine, String query, Ranking ranking) {
        if (!ranking.partitionBy().isEmpty()) {
            return withinGroups(engine, query, ranking);
        }
        List<WorkTable> made = new ArrayList<>();
        try {
            WorkTable sorted = WorkTable.of(engine, "ranking_sorted", "SELECT * FROM (" + query + ") ORDER BY " + ranking.orderBy());
            made.add(sorted);
            String rank = ranking.rankColumn() != null ? ranking.rankColumn()
                    : ranking.nextValues().isEmpty() ? null : INNER_RANK;
            WorkTable numbered = WorkTable.of(engine, "ranking_numbered", numbered(sorted.quoted(), rank, ranking.runningSums()));
            made.add(numbered);
            WorkTable last = numbered;
            if (!ranking.nextValues().isEmpty()) {
                last = WorkTable.of(engine, "ranking_next", withNext(numbered.quoted(), rank, ranking.nextValues()));
                made.add(last);
            }
            return RankedRows.of(last.quoted(), () -> made.forEach(WorkTable::close));
        } catch (RuntimeException | Error e) {
            made.forEach(WorkTable::close);
            throw e;
        }
    }

    /**
     * A rank within each group (a window partitioned by the group would put a large group, a
     * class of 90% of the rows, in one task): the rank in one order of (group, order), less the
     * first such rank of the row's group, with the group's rows, both from a grouping joined back
     * (null-safe, as NULL is a group of its own).
     */
    private static RankedRows withinGroups(SqlEngine engine, String query, Ranking ranking) {
        String groups = String.join(", ", ranking.partitionBy());
        String order = String.join(", ", ranking.partitionBy().stream().map(c -> c + " ASC NULLS FIRST").toList()) + ", "
                + ranking.orderBy();
        try (RankedRows whole = of(engine, query, Ranking.rank(order, INNER_RANK))) {
            StringBuilder select = new StringBuilder("SELECT t.* EXCEPT (" + INNER_RANK + ")");
            if (ranking.rankColumn() != null) {
                select.append(", t.").append(INNER_RANK).append(" - g.__assay_first AS ").append(ranking.rankColumn());
            }
            if (ranking.partitionRows() != null) {
                select.append(", g.__assay_rows AS ").append(ranking.partitionRows());
            }
            String on = String.join(" AND ", ranking.partitionBy().stream().map(c -> "t." + c + " <=> g." + c).toList());
            WorkTable ranked = WorkTable.of(engine, "ranking_groups", select + " FROM " + whole.relation() + " AS t JOIN (SELECT "
                    + groups + ", min(" + INNER_RANK + ") AS __assay_first, CAST(count(*) AS BIGINT) AS __assay_rows FROM "
                    + whole.relation() + " GROUP BY " + groups + ") AS g ON " + on);
            return RankedRows.of(ranked.quoted(), ranked::close);
        }
    }

    /** The sorted rows with their rank and running sums, from the counts and sums per partition. */
    static String numbered(String sorted, String rank, List<String> sums) {
        String partition = "shiftright(" + ROW + ", " + POSITION_BITS + ")";
        StringBuilder parts = new StringBuilder("SELECT " + partition + " AS p, CAST(count(*) AS BIGINT) AS n");
        StringBuilder starts = new StringBuilder("SELECT p, " + before("n") + " AS n0");
        StringBuilder select = new StringBuilder("SELECT /*+ BROADCAST(b) */ ");
        if (rank != null) {
            select.append("b.n0 + (t.").append(ROW).append(" & ").append((1L << POSITION_BITS) - 1).append(") AS ").append(rank)
                    .append(", ");
        }
        select.append("t.*");
        for (int i = 0; i < sums.size(); i++) {
            String c = sums.get(i);
            parts.append(", sum(").append(c).append(") AS s").append(i);
            starts.append(", ").append(before("s" + i)).append(" AS s0_").append(i);
            select.append(", b.s0_").append(i).append(" + sum(t.").append(c).append(") OVER (PARTITION BY b.p ORDER BY t.")
                    .append(ROW).append(" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS ").append(Ranking.runningName(c));
        }
        return "WITH parts AS (" + parts + " FROM " + sorted + " GROUP BY " + partition + "), starts AS (" + starts
                + " FROM parts) " + select + " FROM " + sorted + " AS t JOIN starts AS b ON " + partition.replace(ROW, "t." + ROW)
                + " = b.p";
    }

    /** The sum of {@code column} over the partitions before this one (a window over a row per partition). */
    private static String before(String column) {
        return "coalesce(sum(" + column + ") OVER (ORDER BY p ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)";
    }

    /** Each row with the values of the row ranked one after it: an equi-join, distributed like any other. */
    static String withNext(String numbered, String rank, List<String> next) {
        StringBuilder select = new StringBuilder("SELECT a.*");
        StringBuilder following = new StringBuilder("SELECT " + rank + " - 1 AS __assay_prior");
        for (int i = 0; i < next.size(); i++) {
            select.append(", b.x").append(i).append(" AS ").append(Ranking.nextName(next.get(i)));
            following.append(", ").append(next.get(i)).append(" AS x").append(i);
        }
        return select + " FROM " + numbered + " AS a LEFT JOIN (" + following + " FROM " + numbered
                + ") AS b ON b.__assay_prior = a." + rank;
    }
}
