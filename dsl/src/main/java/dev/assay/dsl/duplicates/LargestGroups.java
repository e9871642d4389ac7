package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.List;

/**
 * Totals over a relation of groups and its few largest groups (size descending, then first
 * row), from one query in SQL that DuckDB and Spark both run: the top groups come from
 * {@code ORDER BY ... LIMIT} (a top-N on both engines, distributed on Spark), joined to the
 * one row of totals. DuckDB computes the groups once for both, since a CTE read twice is
 * materialized.
 */
public final class LargestGroups {

    /** The totals' values, in the order asked, and one row of the largest columns per group, largest first. */
    public record Summary(List<Object> totals, List<List<Object>> largest) {
    }

    private LargestGroups() {
    }

    /**
     * {@code groups}: a query of one row per group; {@code totals}: aggregate expressions over
     * it; {@code largest}: its columns to report for the largest groups among those
     * {@code where} holds for (all when null), which {@code size} and {@code first} (the
     * group's first row, unique) order. The first of {@code largest} is never NULL.
     */
    static Summary of(SqlEngine engine, String groups, List<String> totals, List<String> largest, String where,
                      String size, String first) {
        return of(engine, groups, totals, largest, where, size, first, DuplicateFinder.LARGEST);
    }

    /** As {@link #of(SqlEngine, String, List, List, String, String, String)}, with the {@code limit} largest groups. */
    public static Summary of(SqlEngine engine, String groups, List<String> totals, List<String> largest, String where,
                             String size, String first, int limit) {
        List<String> totalColumns = new ArrayList<>();
        for (int i = 0; i < totals.size(); i++) {
            totalColumns.add(totals.get(i) + " AS t" + i);
        }
        String g = SqlEngine.WORK_PREFIX + "groups"; // not a name a dataset can shadow
        List<List<Object>> rows = engine.smallResult("WITH " + g + " AS (" + groups + ") SELECT s.*, l.* FROM (SELECT "
                + String.join(", ", totalColumns) + " FROM " + g + ") s LEFT JOIN (SELECT " + String.join(", ", largest)
                + " FROM " + g + (where == null ? "" : " WHERE " + where) + " ORDER BY " + size + " DESC, " + first
                + " LIMIT " + limit + ") l ON true "
                + "ORDER BY l." + size + " DESC, l." + first);
        List<List<Object>> top = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> group = row.subList(totals.size(), row.size());
            if (group.get(0) != null) {
                top.add(group);
            }
        }
        return new Summary(rows.get(0).subList(0, totals.size()), top);
    }

    /** Column {@code index} of each of the largest groups, as longs. */
    public static List<Long> column(Summary summary, int index) {
        return summary.largest().stream().map(row -> ((Number) row.get(index)).longValue()).toList();
    }
}
