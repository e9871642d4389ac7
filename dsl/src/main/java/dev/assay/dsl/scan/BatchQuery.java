package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement of one batch of a scan, and how its one row is read back. The batch's columns
 * are read once (renamed c0, c1 ... so user names appear only there, quoted); aggregates over
 * the rows form one struct; columns of one type are grouped by (which column, value) together,
 * their aggregates a list of structs; and the keys of every column are counted in one grouping
 * of (which key, key) pairs. Every value is found by name, never by position across the scan.
 */
final class BatchQuery {

    private final String sql;
    private final List<ColumnRequests> columns;
    private final Handle<Long> rows;
    private final List<ColumnRequests.Request<?>> keyed = new ArrayList<>();
    private final boolean hasRowPart;
    /** Columns (by place in the batch) whose values are grouped together: same type, same aggregates. */
    private final List<List<Integer>> valueGroups = new ArrayList<>();
    /** Top-value aggregates computed apart (on dialects that number them), by their place in a group's aggregates. */
    private final List<ApartTop> apartTops = new ArrayList<>();
    private final boolean topsApart;

    /** A top-values aggregate (place {@code aggregate} in the aggregates over values) of the columns of one value group. */
    private record ApartTop(List<Integer> group, int aggregate) {
    }

    BatchQuery(SqlDialect d, String relation, ColumnValue values, List<ColumnRequests> columns, Handle<Long> rows) {
        this.columns = columns;
        this.rows = rows;
        this.topsApart = d.topValuesByNumbering();
        List<String> read = new ArrayList<>();
        List<String> prepared = new ArrayList<>();
        List<Map.Entry<String, String>> rowFields = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Map<String, List<Integer>> bySignature = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        if (rows != null) {
            rowFields.add(Map.entry("r", "count(*)"));
        }
        for (int i = 0; i < columns.size(); i++) {
            ColumnRequests column = columns.get(i);
            String c = "c" + i;
            read.add(values.sql(d, column.column(), d.quoteIdentifier(column.column().name())) + " AS " + c);
            List<ColumnRequests.Request<?>> overRows = column.over(Aggregate.Over.ROWS);
            for (int k = 0; k < overRows.size(); k++) {
                rowFields.add(Map.entry(field(i, k), sql(d, overRows.get(k).aggregate(), c, "p" + field(i, k), prepared)));
            }
            for (ColumnRequests.Request<?> request : column.over(Aggregate.Over.KEYS)) {
                keys.add(sql(d, request.aggregate(), c, "pk" + keyed.size(), prepared));
                keyed.add(request);
            }
            List<ColumnRequests.Request<?>> overValues = column.over(Aggregate.Over.VALUES);
            if (!overValues.isEmpty()) {
                String signature = column.column().type() + overValues.stream().map(r -> "|" + r.aggregate().key()).toList();
                bySignature.computeIfAbsent(signature, key -> new ArrayList<>()).add(i);
            }
        }
        for (List<Integer> group : bySignature.values()) {
            // Named: Spark names an unnamed subquery by its kind, the same name for every group.
            parts.add(valuesPart(d, group) + " AS g" + valueGroups.size());
            valueGroups.add(group);
        }
        for (List<Integer> group : valueGroups) {
            List<ColumnRequests.Request<?>> overValues = columns.get(group.get(0)).over(Aggregate.Over.VALUES);
            for (int k = 0; k < overValues.size(); k++) {
                if (apart(overValues.get(k).aggregate())) {
                    parts.add(topPart(d, group, overValues.get(k).aggregate().topLimit()) + " AS t" + apartTops.size());
                    apartTops.add(new ApartTop(group, k));
                }
            }
        }
        String rowSource = prepared.isEmpty() ? "cols" : "prep";
        if (!keys.isEmpty()) {
            // Which key (its place in the list) and the key, a row per pair, counted in one grouping.
            List<String> which = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                which.add(Integer.toString(k));
            }
            parts.add(0, "(SELECT " + d.collectList(d.struct(List.of(Map.entry("w", "w"), Map.entry("key", "key"),
                    Map.entry("value", "value")))) + " FROM (SELECT w, key, count(*) AS value FROM (SELECT "
                    + d.unnestColumns(List.of("w", "key"), List.of(which, keys)) + " FROM " + rowSource
                    + ") WHERE key IS NOT NULL GROUP BY w, key)) AS k");
        }
        hasRowPart = !rowFields.isEmpty();
        if (hasRowPart) {
            parts.add(0, "(SELECT " + d.struct(rowFields) + " FROM " + rowSource + ") AS r");
        }
        String from = read.isEmpty() ? "SELECT 1 AS c" : "SELECT " + String.join(", ", read);
        StringBuilder with = new StringBuilder("WITH " + d.inlinedCte("cols", from + " FROM " + d.quoteIdentifier(relation)));
        if (!prepared.isEmpty()) {
            with.append(",\n").append(d.inlinedCte("prep", "SELECT *, " + String.join(", ", prepared) + " FROM cols"));
        }
        this.sql = with + "\nSELECT " + String.join(",\n  ", parts);
    }

    /**
     * One grouping by (which column, value) for columns of one type asking the same aggregates,
     * and those aggregates per column: a statement's fixed cost is then per type, not per
     * column, which is most of the cost of a wide table of few rows. A column without values
     * has no entry (its aggregates read null, the value of an aggregate over nothing).
     */
    private String valuesPart(SqlDialect d, List<Integer> group) {
        List<ColumnRequests.Request<?>> aggregates = columns.get(group.get(0)).over(Aggregate.Over.VALUES);
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        fields.add(Map.entry("w", "w"));
        for (int k = 0; k < aggregates.size(); k++) {
            if (!apart(aggregates.get(k).aggregate())) {
                fields.add(Map.entry("a" + k, aggregates.get(k).aggregate().sql(d, "v")));
            }
        }
        return "(SELECT " + d.collectList("x") + " FROM (SELECT " + d.struct(fields) + " AS x FROM (" + valueCounts(d, group)
                + ") GROUP BY w))";
    }

    /**
     * The top values of a value group's columns, apart: each column's distinct values numbered
     * by (count descending, value), the first {@code limit} kept. The numbering is partitioned by
     * column, so an engine can keep {@code limit} rows per column in each partition before it
     * moves them, instead of every distinct value of a column into one task.
     */
    private String topPart(SqlDialect d, List<Integer> group, int limit) {
        List<Map.Entry<String, String>> fields = List.of(Map.entry("w", "w"), Map.entry("r", "r"), Map.entry("v", "v"),
                Map.entry(Aggregate.COUNT, Aggregate.COUNT));
        return "(SELECT " + d.collectList(d.struct(fields)) + " FROM (SELECT w, v, " + Aggregate.COUNT
                + ", row_number() OVER (PARTITION BY w ORDER BY " + Aggregate.COUNT + " DESC, v) AS r FROM ("
                + valueCounts(d, group) + ")) WHERE r <= " + limit + ")";
    }

    /** The rows of (which column, value, how many rows hold it) of a value group; the same text wherever it is used. */
    private static String valueCounts(SqlDialect d, List<Integer> group) {
        List<String> which = group.stream().map(String::valueOf).toList();
        List<String> values = group.stream().map(i -> "c" + i).toList();
        return "SELECT w, v, count(*) AS " + Aggregate.COUNT + " FROM (SELECT "
                + d.unnestColumns(List.of("w", "v"), List.of(which, values)) + " FROM cols) WHERE v IS NOT NULL GROUP BY w, v";
    }

    /** True when the aggregate is top values that this batch computes apart. */
    private boolean apart(Aggregate<?> aggregate) {
        return topsApart && aggregate.topLimit() > 0;
    }

    /** The aggregate's SQL, with its prepared expression (if any) added to the projection under {@code name}. */
    private static String sql(SqlDialect d, Aggregate<?> aggregate, String value, String name, List<String> prepared) {
        String before = aggregate.prepared(d, value);
        if (before == null) {
            return aggregate.sql(d, value);
        }
        prepared.add(before + " AS " + name);
        return aggregate.sql(d, value, name);
    }

    private static String field(int column, int aggregate) {
        return "a" + column + "_" + aggregate;
    }

    String sql() {
        return sql;
    }

    /** Fills the batch's handles from its result row (parts: r, k, a grouping per type, then top values apart, as present). */
    void read(List<Object> row) {
        int part = 0;
        Map<?, ?> overRows = hasRowPart ? (Map<?, ?>) row.get(part++) : null;
        if (rows != null) {
            rows.set(Aggregates.asLong(overRows.get("r")));
        }
        if (!keyed.isEmpty()) {
            List<List<Map<String, Object>>> counts = new ArrayList<>();
            keyed.forEach(k -> counts.add(new ArrayList<>()));
            Object all = row.get(part++);
            for (Object entry : all == null ? List.of() : (List<?>) all) {
                Map<?, ?> count = (Map<?, ?>) entry;
                counts.get(((Number) count.get("w")).intValue()).add(Map.of("key", count.get("key"), "value", count.get("value")));
            }
            for (int k = 0; k < keyed.size(); k++) {
                keyed.get(k).fill(counts.get(k));
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            List<ColumnRequests.Request<?>> over = columns.get(i).over(Aggregate.Over.ROWS);
            for (int k = 0; k < over.size(); k++) {
                over.get(k).fill(overRows.get(field(i, k)));
            }
        }
        for (List<Integer> group : valueGroups) {
            Map<Integer, Map<?, ?>> byColumn = new HashMap<>();
            Object entries = row.get(part++);
            for (Object entry : entries == null ? List.of() : (List<?>) entries) {
                Map<?, ?> fields = (Map<?, ?>) entry;
                byColumn.put(((Number) fields.get("w")).intValue(), fields);
            }
            for (int i : group) {
                Map<?, ?> fields = byColumn.get(i);
                List<ColumnRequests.Request<?>> overValues = columns.get(i).over(Aggregate.Over.VALUES);
                for (int k = 0; k < overValues.size(); k++) {
                    if (!apart(overValues.get(k).aggregate())) {
                        overValues.get(k).fill(fields == null ? null : fields.get("a" + k));
                    }
                }
            }
        }
        for (ApartTop top : apartTops) {
            readTop(top, row.get(part++));
        }
    }

    /** Fills a top-values part's requests: its rows per column in their numbering, as {v, n} records. */
    private void readTop(ApartTop top, Object entries) {
        Map<Integer, List<Map<?, ?>>> byColumn = new HashMap<>();
        for (Object entry : entries == null ? List.of() : (List<?>) entries) {
            Map<?, ?> fields = (Map<?, ?>) entry;
            byColumn.computeIfAbsent(((Number) fields.get("w")).intValue(), w -> new ArrayList<>()).add(fields);
        }
        for (int i : top.group()) {
            List<Map<?, ?>> ranked = byColumn.get(i);
            List<Map<String, Object>> values = null;
            if (ranked != null) {
                ranked.sort(Comparator.comparingLong(f -> ((Number) f.get("r")).longValue()));
                values = new ArrayList<>();
                for (Map<?, ?> f : ranked) {
                    Map<String, Object> value = new HashMap<>();
                    value.put("v", f.get("v"));
                    value.put(Aggregate.COUNT, f.get(Aggregate.COUNT));
                    values.add(value);
                }
            }
            columns.get(i).over(Aggregate.Over.VALUES).get(top.aggregate()).fill(values);
        }
    }
}
