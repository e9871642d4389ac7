package dev.assay.dsl.profile;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds, per text column, the groups of distinct values that become equal under
 * {@code normalize} (SqlDialect#normalizeText, the duplicates' normalization): a second
 * grouping, of the distinct values by their normalized text, which the shared scan's one
 * grouping per value cannot give. One statement per batch of columns; only the counts and the
 * values of the example groups reach Java. Values normalizing to the empty text (punctuation
 * and white space only) form no group: they are null-like or noise, not spellings of a value.
 */
final class VariantScan {

    /** Values shown per example group, the first by code point. */
    static final int VALUES_SHOWN = 10;

    private final SqlEngine engine;

    VariantScan(SqlEngine engine) {
        this.engine = engine;
    }

    /** The variants of each text column, in the order given. */
    List<Variants> find(String relation, List<Column> textColumns) {
        List<Variants> found = new ArrayList<>();
        List<List<Column>> batches = ColumnBatches.of(textColumns);
        List<String> queries = batches.stream().map(b -> query(relation, b)).toList();
        List<List<List<Object>>> results = engine.smallResults(queries);
        for (int b = 0; b < batches.size(); b++) {
            found.addAll(read(batches.get(b).size(), results.get(b)));
        }
        return found;
    }

    /**
     * Rows (column, groups, rows in groups, rank of the group, value) for the values of each
     * column's first example groups. Groups rank by rows, then by their smallest value: distinct
     * per column, so the order is the same on every engine (binary order of UTF-8 on both).
     */
    private String query(String relation, List<Column> batch) {
        SqlDialect d = engine.dialect();
        List<String> which = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            which.add(Integer.toString(i));
            values.add(d.quoteIdentifier(batch.get(i).name()));
        }
        return "WITH counted AS (SELECT w, v, count(*) AS n FROM (SELECT " + d.unnestColumns(List.of("w", "v"), List.of(which, values))
                + " FROM " + d.quoteIdentifier(relation) + ") WHERE v IS NOT NULL GROUP BY w, v),\n"
                + "keyed AS (SELECT w, v, n, " + d.normalizeText("v") + " AS k FROM counted),\n"
                + "grouped AS (SELECT w, k, sum(n) AS n, min(v) AS f FROM keyed WHERE k <> '' GROUP BY w, k HAVING count(*) > 1),\n"
                + "ranked AS (SELECT w, k, count(*) OVER (PARTITION BY w) AS gs, sum(n) OVER (PARTITION BY w) AS held, "
                + "row_number() OVER (PARTITION BY w ORDER BY n DESC, f) AS r FROM grouped),\n"
                + "shown AS (SELECT ranked.w AS w, gs, held, r, keyed.v AS v, "
                + "row_number() OVER (PARTITION BY ranked.w, r ORDER BY keyed.v) AS i "
                + "FROM ranked JOIN keyed ON ranked.w = keyed.w AND ranked.k = keyed.k WHERE r <= " + TextIntegrity.VARIANT_EXAMPLES + ")\n"
                + "SELECT w, gs, held, r, v FROM shown WHERE i <= " + VALUES_SHOWN;
    }

    private static List<Variants> read(int columns, List<List<Object>> rows) {
        List<Long> groups = new ArrayList<>();
        List<Long> held = new ArrayList<>();
        List<TreeMap<Long, List<String>>> examples = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            groups.add(0L);
            held.add(0L);
            examples.add(new TreeMap<>());
        }
        for (List<Object> row : rows) {
            int w = ((Number) row.get(0)).intValue();
            groups.set(w, ((Number) row.get(1)).longValue());
            held.set(w, ((Number) row.get(2)).longValue());
            examples.get(w).computeIfAbsent(((Number) row.get(3)).longValue(), r -> new ArrayList<>()).add((String) row.get(4));
        }
        List<Variants> out = new ArrayList<>();
        for (int i = 0; i < columns; i++) {
            List<List<String>> shown = new ArrayList<>();
            for (Map.Entry<Long, List<String>> group : examples.get(i).entrySet()) {
                List<String> values = new ArrayList<>(group.getValue());
                values.sort(BY_CODE_POINT);
                shown.add(values);
            }
            out.add(groups.get(i) == 0 ? Variants.NONE : new Variants(groups.get(i), held.get(i), shown));
        }
        return out;
    }

    /** Code point order, which is the engines' binary order of UTF-8 (String's own order is of UTF-16 units). */
    static final Comparator<String> BY_CODE_POINT = (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    };
}
