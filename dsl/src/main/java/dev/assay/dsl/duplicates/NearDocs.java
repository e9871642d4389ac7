package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;

/**
 * The documents of a near-duplicate search: each distinct normalized text once, numbered
 * 0, 1, ... in the order of its first row. Exact duplicates (after normalizing) collapse into
 * one document with a row count, so a text repeated a thousand times costs one signature and
 * no pairs. Rows whose text is NULL take no part.
 */
public final class NearDocs {

    private NearDocs() {
    }

    /**
     * Columns: {@code doc, text, n} (rows with that text), {@code first_ord} (its first row's
     * position), and for two sources {@code n_left, n_right}, {@code first_left, first_right} (first row on each side).
     */
    public static WorkTable of(SqlEngine engine, OrderedSource source, String column) {
        String text = engine.dialect().normalizeText(engine.quoteIdentifier(column));
        return number(engine, "SELECT text, CAST(count(*) AS BIGINT) AS n, CAST(min(ord) AS BIGINT) AS first_ord FROM ("
                + "SELECT " + text + " AS text, " + source.ordinal() + " AS ord FROM " + source.table() + " WHERE "
                + engine.quoteIdentifier(column) + " IS NOT NULL) GROUP BY text");
    }

    static WorkTable of(SqlEngine engine, OrderedSource left, OrderedSource right, String column) {
        String col = engine.quoteIdentifier(column);
        String text = engine.dialect().normalizeText(col);
        String both = "SELECT " + text + " AS text, 0 AS side, " + left.ordinal() + " AS ord FROM " + left.table()
                + " WHERE " + col + " IS NOT NULL UNION ALL SELECT " + text + ", 1, " + right.ordinal() + " FROM "
                + right.table() + " WHERE " + col + " IS NOT NULL";
        return number(engine, "SELECT text, CAST(count(*) AS BIGINT) AS n, CAST(min(ord) AS BIGINT) AS first_ord, "
                + "CAST(count(*) FILTER (WHERE side = 0) AS BIGINT) AS n_left, "
                + "CAST(count(*) FILTER (WHERE side = 1) AS BIGINT) AS n_right, "
                + "CAST(min(ord) FILTER (WHERE side = 0) AS BIGINT) AS first_left, "
                + "CAST(min(ord) FILTER (WHERE side = 1) AS BIGINT) AS first_right FROM (" + both + ") GROUP BY text");
    }

    /** Numbers 0, 1, ... without gaps in the order of (first_ord, text): a ranking over all the distinct texts. */
    private static WorkTable number(SqlEngine engine, String grouped) {
        try (RankedRows ranked = engine.ranked(grouped, Ranking.rank("first_ord, text", "doc"))) {
            return WorkTable.of(engine, "docs", "SELECT * FROM " + ranked.relation() + " ORDER BY doc");
        }
    }

    static long count(SqlEngine engine, WorkTable docs) {
        return ((Number) engine.smallResult("SELECT count(*) FROM " + docs.quoted()).get(0).get(0)).longValue();
    }
}
