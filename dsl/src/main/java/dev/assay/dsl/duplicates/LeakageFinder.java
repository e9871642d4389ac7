package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code leakage LEFT, RIGHT}: which rows of RIGHT also occur in LEFT. Exact overlap is one
 * join of the two sides' key groups; near overlap runs {@link NearPairs} over the texts of
 * both and keeps the pairs that cross from one side to the other.
 */
public final class LeakageFinder {

    private final SqlEngine engine;

    public LeakageFinder(SqlEngine engine) {
        this.engine = engine;
    }

    /** {@code match}'s columns must exist, by name, in both datasets. */
    public Leakage find(String left, String right, ResolvedMatch match) {
        try (OrderedSource l = OrderedSource.of(engine, left); OrderedSource r = OrderedSource.of(engine, right)) {
            String select = match.selectList(engine.dialect(), null);
            String group = match.keyNames();
            // One grouping of both sides' keys, each group counting its rows per side: the same pairs
            // as a join of the two sides' groups on equal keys (GROUP BY, like IS NOT DISTINCT FROM,
            // takes NULL as equal to NULL), without a join condition that grows with the columns and
            // costs more than linearly with them (measured in docs/wide-operations.md).
            LargestGroups.Summary s = LargestGroups.of(engine, "SELECT * FROM (SELECT count(*) FILTER (WHERE side = 0) AS nl, "
                    + "count(*) FILTER (WHERE side = 1) AS nr, min(ord) FILTER (WHERE side = 1) AS first_ord FROM ("
                    + "SELECT 0 AS side, CAST(NULL AS BIGINT) AS ord, " + select + " FROM " + l.table() + " UNION ALL "
                    + "SELECT 1 AS side, " + r.ordinal() + " AS ord, " + select + " FROM " + r.table() + ") GROUP BY " + group
                    + ") WHERE nl > 0 AND nr > 0", List.of("CAST(coalesce(sum(nr), 0) AS BIGINT)", "count(*)",
                    "CAST(coalesce(sum(nl), 0) AS BIGINT)"), List.of("first_ord", "nr", "nl"), null, "nr", "first_ord");
            List<Long> firsts = LargestGroups.column(s, 0);
            List<Long> rightCounts = LargestGroups.column(s, 1);
            List<Long> leftCounts = LargestGroups.column(s, 2);
            List<Leakage.SharedKey> examples = new ArrayList<>();
            if (!firsts.isEmpty()) {
                Map<Long, List<Object>> values = new DuplicateFinder(engine).rowsAt(r, match.names(), firsts);
                for (int i = 0; i < firsts.size(); i++) {
                    Map<String, Object> named = new LinkedHashMap<>();
                    for (int c = 0; c < match.names().size(); c++) {
                        named.put(match.names().get(c), values.get(firsts.get(i)).get(c));
                    }
                    examples.add(new Leakage.SharedKey(named, leftCounts.get(i), rightCounts.get(i)));
                }
            }
            Long nearRows = null;
            List<Leakage.NearMatch> nearExamples = List.of();
            if (match.isNear()) {
                NearOverlap overlap = near(l, r, match);
                nearRows = overlap.rows;
                nearExamples = overlap.examples;
            }
            return new Leakage(left, right, match.names(), match.normalize(), engine.count(left), engine.count(right),
                    ((Number) s.totals().get(0)).longValue(), ((Number) s.totals().get(1)).longValue(),
                    ((Number) s.totals().get(2)).longValue(),
                    examples, match.near(), nearRows, nearExamples);
        }
    }

    private record NearOverlap(long rows, List<Leakage.NearMatch> examples) {
    }

    private NearOverlap near(OrderedSource left, OrderedSource right, ResolvedMatch match) {
        String column = match.text().name();
        String col = engine.quoteIdentifier(column);
        try (WorkTable docs = NearDocs.of(engine, left, right, column)) {
            LeftPartners partners = LeftPartners.of(engine, docs);
            // Left-side texts first: they become the representatives of oversized buckets.
            new NearPairs(engine, LshBanding.forThreshold(match.near()), "d.n_left = 0, d.doc")
                    .find(docs, NearDocs.count(engine, docs), match.near(), partners);
            try (WorkTable linked = LongMapTable.of(engine, "linked", partners.partners(), "rdoc", "ldoc")) {
                return overlap(left, right, col, docs, linked);
            }
        }
    }

    /** Right rows with a left partner, and a few examples, from the {@code rdoc, ldoc} table of partners. */
    private NearOverlap overlap(OrderedSource left, OrderedSource right, String col, WorkTable docs, WorkTable linked) {
        String crossing = "SELECT rdoc, ldoc FROM " + linked.quoted();
        long rows = ((Number) engine.smallResult("SELECT CAST(coalesce(sum(d.n_right), 0) AS BIGINT) FROM " + docs.quoted()
                + " d WHERE d.n_right > 0 AND (d.n_left > 0 OR d.doc IN (SELECT rdoc FROM (" + crossing + ")))")
                .get(0).get(0)).longValue();
        List<Leakage.NearMatch> examples = new ArrayList<>();
        for (List<Object> row : engine.smallResult("SELECT d.first_right, rt." + col + " AS right_text, o.first_left, lt."
                + col + " AS left_text FROM (" + crossing + ") c JOIN " + docs.quoted() + " d ON d.doc = c.rdoc JOIN " + docs.quoted()
                + " o ON o.doc = c.ldoc JOIN " + right.table() + " rt ON rt." + right.ordinal() + " = d.first_right JOIN "
                + left.table() + " lt ON lt." + left.ordinal() + " = o.first_left WHERE d.n_right > 0 AND d.n_left = 0 "
                + "ORDER BY d.first_right LIMIT " + DuplicateFinder.EXAMPLES)) {
            examples.add(new Leakage.NearMatch(((Number) row.get(0)).longValue(), String.valueOf(row.get(1)),
                    ((Number) row.get(2)).longValue(), String.valueOf(row.get(3))));
        }
        return new NearOverlap(rows, examples);
    }
}
