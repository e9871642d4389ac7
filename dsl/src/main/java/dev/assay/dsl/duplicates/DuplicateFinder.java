package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact and near duplicates of a dataset. The exact count is one grouping query (rows,
 * distinct keys, keys seen more than once and the largest groups in one pass); near
 * duplicates go through {@link NearPairs} and a union-find of the confirmed pairs.
 */
public final class DuplicateFinder {

    /** How many of the largest groups and clusters a result shows. */
    static final int LARGEST = 5;
    /** Texts shown per near-duplicate cluster. */
    static final int EXAMPLES = 3;

    private final SqlEngine engine;

    public DuplicateFinder(SqlEngine engine) {
        this.engine = engine;
    }

    public Duplicates find(String dataset, ResolvedMatch match) {
        try (OrderedSource source = OrderedSource.of(engine, dataset)) {
            LargestGroups.Summary summary = LargestGroups.of(engine, "SELECT count(*) AS n, min(ord) AS first_ord FROM ("
                    + "SELECT " + source.ordinal() + " AS ord, " + match.selectList(engine.dialect(), null) + " FROM "
                    + source.table() + ") GROUP BY " + match.keyNames(), List.of("CAST(coalesce(sum(n), 0) AS BIGINT)",
                    "CAST(coalesce(sum(n), 0) - count(*) AS BIGINT)", "count(*) FILTER (WHERE n > 1)"),
                    List.of("first_ord", "n"), "n > 1", "n", "first_ord");
            List<Object> totals = summary.totals();
            long rows = ((Number) totals.get(0)).longValue();
            List<DuplicateGroup> largest = groups(source, match, LargestGroups.column(summary, 0),
                    LargestGroups.column(summary, 1));
            NearSummary near = match.isNear() ? near(source, match) : null;
            return new Duplicates(dataset, rows, match.names(), match.normalize(), ((Number) totals.get(1)).longValue(),
                    ((Number) totals.get(2)).longValue(), largest, near);
        }
    }

    /** The groups of the given sizes and first rows (largest first), with their key values as written. */
    private List<DuplicateGroup> groups(OrderedSource source, ResolvedMatch keys, List<Long> firstRows, List<Long> sizes) {
        if (firstRows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Object>> values = rowsAt(source, keys.names(), firstRows);
        List<DuplicateGroup> out = new ArrayList<>();
        for (int g = 0; g < firstRows.size(); g++) {
            Map<String, Object> named = new LinkedHashMap<>();
            List<Object> row = values.get(firstRows.get(g));
            for (int i = 0; i < keys.columns().size(); i++) {
                named.put(keys.columns().get(i).name(), row.get(i));
            }
            out.add(new DuplicateGroup(sizes.get(g), firstRows.get(g), named));
        }
        return out;
    }

    /** The values of some columns in the rows at the given positions, by position. */
    public Map<Long, List<Object>> rowsAt(OrderedSource source, List<String> columns, List<Long> positions) {
        String in = String.join(", ", positions.stream().map(String::valueOf).toList());
        Map<Long, List<Object>> out = new LinkedHashMap<>();
        for (List<Object> row : engine.smallResult("SELECT " + source.ordinal() + ", "
                + String.join(", ", columns.stream().map(engine::quoteIdentifier).toList()) + " FROM " + source.table()
                + " WHERE " + source.ordinal() + " IN (" + in + ")")) {
            out.put(((Number) row.get(0)).longValue(), row.subList(1, row.size()));
        }
        return out;
    }

    private NearSummary near(OrderedSource source, ResolvedMatch match) {
        LshBanding banding = LshBanding.forThreshold(match.near());
        String column = match.text().name();
        try (WorkTable docs = NearDocs.of(engine, source, column);
             WorkTable clusters = clusters(docs, banding, match.near());
             WorkTable sizes = WorkTable.of(engine, "cluster_sizes", "SELECT " + clusterOf("c", "d")
                     + " AS cluster, sum(d.n) AS n_rows, min(d.first_ord) AS first_row FROM " + docs.quoted() + " d LEFT JOIN "
                     + clusters.quoted() + " c ON c.doc = d.doc GROUP BY " + clusterOf("c", "d") + " HAVING sum(d.n) >= 2")) {
            LargestGroups.Summary summary = LargestGroups.of(engine, "SELECT * FROM " + sizes.quoted(),
                    List.of("count(*)", "CAST(coalesce(sum(n_rows), 0) AS BIGINT)"),
                    List.of("cluster", "n_rows", "first_row"), null, "n_rows", "first_row");
            List<Long> top = LargestGroups.column(summary, 0);
            List<Long> rows = LargestGroups.column(summary, 1);
            List<Long> firsts = LargestGroups.column(summary, 2);
            Map<Long, List<String>> examples = examples(source, column, docs, clusters, top);
            List<NearCluster> largest = new ArrayList<>();
            for (int i = 0; i < top.size(); i++) {
                largest.add(new NearCluster(rows.get(i), firsts.get(i), examples.get(top.get(i))));
            }
            return new NearSummary(column, match.near(), ((Number) summary.totals().get(0)).longValue(),
                    ((Number) summary.totals().get(1)).longValue(), largest, banding);
        }
    }

    /** The cluster of a document: its root when it was joined to another, else itself. */
    public static String clusterOf(String clusters, String docs) {
        return "coalesce(" + clusters + ".root, " + docs + ".doc)";
    }

    /** The first few texts (as written, earliest first) of each of the given clusters. */
    private Map<Long, List<String>> examples(OrderedSource source, String column, WorkTable docs, WorkTable clusters,
                                             List<Long> top) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        if (top.isEmpty()) {
            return out;
        }
        String in = String.join(", ", top.stream().map(String::valueOf).toList());
        String ranked = "SELECT " + clusterOf("c", "d") + " AS cluster, d.first_ord, row_number() OVER (PARTITION BY "
                + clusterOf("c", "d") + " ORDER BY d.first_ord) AS k FROM " + docs.quoted() + " d LEFT JOIN "
                + clusters.quoted() + " c ON c.doc = d.doc WHERE " + clusterOf("c", "d") + " IN (" + in + ")";
        for (List<Object> row : engine.smallResult("SELECT e.cluster, t." + engine.quoteIdentifier(column) + " FROM (SELECT "
                + "cluster, first_ord FROM (" + ranked + ") WHERE k <= " + EXAMPLES + ") e JOIN " + source.table() + " t ON t."
                + source.ordinal() + " = e.first_ord ORDER BY e.cluster, e.first_ord")) {
            out.computeIfAbsent(((Number) row.get(0)).longValue(), k -> new ArrayList<>()).add(String.valueOf(row.get(1)));
        }
        return out;
    }

    /**
     * Joins confirmed pairs into clusters: a table of {@code doc, root} for every document in
     * a near-duplicate cluster of two or more texts (a cluster is named by its first document).
     */
    public WorkTable clusters(WorkTable docs, double threshold) {
        return clusters(docs, LshBanding.forThreshold(threshold), threshold);
    }

    WorkTable clusters(WorkTable docs, LshBanding banding, double threshold) {
        UnionFind sets = new UnionFind();
        new NearPairs(engine, banding).find(docs, NearDocs.count(engine, docs), threshold, new NearPairs.Sink() {
            @Override
            public void accept(long x, long y, double similarity) {
                sets.union(x, y);
            }

            @Override
            public boolean connected(long x, long y) {
                return sets.find(x) == sets.find(y); // one cluster already: the pair cannot change the components
            }
        });
        return LongMapTable.of(engine, "clusters", sets.roots(), "doc", "root");
    }
}
