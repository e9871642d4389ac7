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
 * The last round of the profile's numbers, one statement per batch of columns: every
 * (rule, outlier) pair of the batch's columns, counted per rule (the modified z-score's count,
 * which needs the MAD of the round before) and numbered per rule by distance from the median,
 * the first {@link Outliers#EXAMPLES} kept as examples: distinct values, farthest first, ties by
 * value (as DOUBLEs, the same on both engines). The counting groups and the numbering is
 * partitioned by rule, so Spark keeps a few rows per partition before it moves them.
 */
final class OutlierScan {

    /** Columns per statement: two rules each, three expressions per rule, a plan that stays small. */
    static final int BATCH = 100;

    /** A column, its median, the fences of the IQR rule and its MAD (null: that rule finds no outliers). */
    record Asked(Column column, double median, Fences iqr, Double mad) {
    }

    /** The modified z-score's count, and the examples of each rule. */
    record Found(long madCount, List<Object> iqrExamples, List<Object> madExamples) {
    }

    private final SqlEngine engine;

    OutlierScan(SqlEngine engine) {
        this.engine = engine;
    }

    /** What is found of each column asked, in order. */
    List<Found> find(String relation, List<Asked> asked) {
        List<String> queries = new ArrayList<>();
        for (int from = 0; from < asked.size(); from += BATCH) {
            queries.add(sql(engine.dialect(), relation, asked.subList(from, Math.min(asked.size(), from + BATCH))));
        }
        List<Found> found = new ArrayList<>();
        List<List<List<Object>>> results = queries.isEmpty() ? List.of() : engine.smallResults(queries);
        for (int b = 0; b < results.size(); b++) {
            List<Object> row = results.get(b).get(0);
            found.addAll(read(row.get(0), row.get(1), Math.min(BATCH, asked.size() - b * BATCH)));
        }
        return found;
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
        String outliers = "SELECT " + d.unnestColumns(List.of("w", "v", "dist"), List.of(which, values, distances))
                + " FROM cols";
        String distinct = "SELECT w, v, dist, count(*) AS n FROM (" + outliers + ") WHERE v IS NOT NULL GROUP BY w, v, dist";
        return "WITH " + d.inlinedCte("cols", "SELECT " + String.join(", ", read) + " FROM " + d.quoteIdentifier(relation))
                + ",\n" + d.inlinedCte("outliers", distinct)
                + "\nSELECT (SELECT " + d.collectList(d.struct(List.of(Map.entry("w", "w"), Map.entry("n", "n"))))
                + " FROM (SELECT w, sum(n) AS n FROM outliers GROUP BY w)) AS counts,"
                + "\n  (SELECT " + d.collectList(d.struct(List.of(Map.entry("w", "w"), Map.entry("v", "v"), Map.entry("r", "r"))))
                + " FROM (SELECT w, v, row_number() OVER (PARTITION BY w ORDER BY dist DESC, v) AS r FROM outliers)"
                + " WHERE r <= " + Outliers.EXAMPLES + ") AS examples";
    }

    /** What is found of each column of a batch, from the counts (w, n) and the numbered (w, v, r) records. */
    private static List<Found> read(Object counts, Object examples, int columns) {
        Map<Integer, Long> countOf = new HashMap<>();
        for (Object entry : counts == null ? List.of() : (List<?>) counts) {
            Map<?, ?> fields = (Map<?, ?>) entry;
            countOf.put(((Number) fields.get("w")).intValue(), ((Number) fields.get("n")).longValue());
        }
        Map<Integer, List<Map<?, ?>>> byRule = new HashMap<>();
        for (Object entry : examples == null ? List.of() : (List<?>) examples) {
            Map<?, ?> fields = (Map<?, ?>) entry;
            byRule.computeIfAbsent(((Number) fields.get("w")).intValue(), w -> new ArrayList<>()).add(fields);
        }
        List<Found> found = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            found.add(new Found(countOf.getOrDefault(2 * i + 1, 0L), ranked(byRule.get(2 * i)), ranked(byRule.get(2 * i + 1))));
        }
        return found;
    }

    private static List<Object> ranked(List<Map<?, ?>> numbered) {
        if (numbered == null) {
            return List.of();
        }
        numbered.sort(Comparator.comparingLong(f -> ((Number) f.get("r")).longValue()));
        return numbered.stream().map(f -> (Object) ((Number) f.get("v")).doubleValue()).toList();
    }
}
