package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Up to {@link Outliers#EXAMPLES} outliers of each rule of each column: distinct values, those
 * farthest from the median first, ties by value (as DOUBLEs, the same on both engines). One
 * statement per batch of columns: every (rule, outlier) pair of the batch, numbered per rule by
 * distance, the first few kept; the numbering is partitioned by rule so Spark keeps a few rows
 * per partition before it moves them.
 */
final class OutlierExamples {

    /** Columns per statement: two rules each, three expressions per rule, a plan that stays small. */
    static final int BATCH = 100;

    /** A column, its median, the fences of the IQR rule and its MAD (null: the rule finds no outliers). */
    record Asked(Column column, double median, Fences iqr, Double mad) {
    }

    private final SqlEngine engine;

    OutlierExamples(SqlEngine engine) {
        this.engine = engine;
    }

    /** Per column asked, the examples of its IQR outliers, then those of its MAD outliers. */
    List<List<List<Object>>> find(String relation, List<Asked> asked) {
        List<List<List<Object>>> examples = new ArrayList<>();
        List<String> queries = new ArrayList<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            queries.add(sql(engine.dialect(), relation, asked.subList(from, Math.min(asked.size(), from + BATCH))));
        }
        List<List<List<Object>>> results = queries.isEmpty() ? List.of() : engine.smallResults(queries);
        for (int b = 0; b < results.size(); b++) {
            int size = Math.min(BATCH, asked.size() - b * BATCH);
            examples.addAll(read(results.get(b).get(0).get(0), size));
        }
        return examples;
    }

    private static String sql(SqlDialect d, String relation, List<Asked> batch) {
        List<String> read = new ArrayList<>();
        List<String> which = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> distances = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Asked a = batch.get(i);
            String c = "c" + i;
            read.add(ProfiledValue.INSTANCE.sql(d, a.column(), d.quoteIdentifier(a.column().name())) + " AS " + c);
            String x = d.castDouble(c);
            String[] rules = {a.iqr() == null ? null : a.iqr().beyond(d, x),
                    a.mad() == null ? null : NumberAggregates.aboveModifiedZ(d, c, a.median(), a.mad())};
            for (int r = 0; r < rules.length; r++) {
                which.add(Integer.toString(2 * i + r));
                values.add(rules[r] == null ? "CAST(NULL AS DOUBLE)" : "CASE WHEN " + rules[r] + " THEN " + x + " END");
                distances.add(NumberAggregates.distance(d, c, a.median()));
            }
        }
        return "WITH " + d.inlinedCte("cols", "SELECT " + String.join(", ", read) + " FROM " + d.quoteIdentifier(relation))
                + "\nSELECT " + d.collectList(d.struct(List.of(Map.entry("w", "w"), Map.entry("v", "v"), Map.entry("r", "r"))))
                + " FROM (SELECT w, v, row_number() OVER (PARTITION BY w ORDER BY dist DESC, v) AS r FROM (SELECT w, v, dist"
                + " FROM (SELECT " + d.unnestColumns(List.of("w", "v", "dist"), List.of(which, values, distances))
                + " FROM cols) WHERE v IS NOT NULL GROUP BY w, v, dist)) WHERE r <= " + Outliers.EXAMPLES;
    }

    /** The examples of each column of a batch, from the numbered (w, v, r) records. */
    private static List<List<List<Object>>> read(Object raw, int columns) {
        Map<Integer, List<Map<?, ?>>> byRule = new HashMap<>();
        for (Object entry : raw == null ? List.of() : (List<?>) raw) {
            Map<?, ?> fields = (Map<?, ?>) entry;
            byRule.computeIfAbsent(((Number) fields.get("w")).intValue(), w -> new ArrayList<>()).add(fields);
        }
        List<List<List<Object>>> examples = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            List<List<Object>> rules = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                List<Map<?, ?>> found = byRule.getOrDefault(2 * i + r, new ArrayList<>());
                found.sort(Comparator.comparingLong(f -> ((Number) f.get("r")).longValue()));
                rules.add(found.stream().map(f -> (Object) ((Number) f.get("v")).doubleValue()).toList());
            }
            examples.add(rules);
        }
        return examples;
    }
}
