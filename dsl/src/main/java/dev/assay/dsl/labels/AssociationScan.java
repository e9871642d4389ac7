package dev.assay.dsl.labels;

import dev.assay.dsl.drift.SturgesBins;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each column's association with the label, from contingency counts computed in the engine
 * (docs/labels.md, "Associations"): columns in batches of one value type, each batch one scan
 * into a table of (column, value, label, count), then a few statements per batch that return a
 * few numbers per column; the rest of the arithmetic is done here from exact counts.
 */
public final class AssociationScan {

    /** Numbers and times with at most this many distinct values are compared over their values, others over bins. */
    static final int MAX_VALUES = 20;
    /**
     * Labelled rows times columns a batch reads at most, as drift's batches: the scratch table
     * has at most that many rows (a column of all-distinct values one per row).
     */
    static final long VALUES_PER_BATCH = 4_000_000;
    /** Columns a batch holds at most. */
    static final int MAX_BATCH_COLUMNS = 500;

    private final SqlEngine engine;

    public AssociationScan(SqlEngine engine) {
        this.engine = engine;
    }

    /** One association per column, in the order given, over the rows whose label is not NULL. */
    public List<ColumnAssociation> measure(String relation, Column label, List<Column> columns, LabelClasses classes) {
        if (columns.isEmpty()) {
            return List.of();
        }
        List<ContingencyBatch.Plan> batches = batches(columns, classes.labelledRows());
        Map<String, ColumnAssociation> measured = new HashMap<>();
        engine.inSteps(batches.size(), () -> {
            for (ContingencyBatch.Plan plan : batches) {
                try (ContingencyBatch batch = ContingencyBatch.of(engine, relation, label, plan.type(), plan.columns())) {
                    new BatchMeasures(engine, batch, classes).measure().forEach(a -> measured.put(a.name(), a));
                }
                engine.stepDone();
            }
            return measured;
        });
        return columns.stream().map(c -> measured.get(c.name())).toList();
    }

    /** The columns in batches of one value type, in their order, each at most {@link #VALUES_PER_BATCH} labelled values. */
    static List<ContingencyBatch.Plan> batches(List<Column> columns, long labelledRows) {
        int size = (int) Math.max(1, Math.min(MAX_BATCH_COLUMNS, VALUES_PER_BATCH / Math.max(1, labelledRows)));
        Map<ContingencyValue, List<Column>> byType = new LinkedHashMap<>();
        columns.forEach(c -> byType.computeIfAbsent(ContingencyValue.of(c), t -> new ArrayList<>()).add(c));
        List<ContingencyBatch.Plan> batches = new ArrayList<>();
        byType.forEach((type, ofType) -> ColumnBatches.of(ofType, size).forEach(b -> batches.add(new ContingencyBatch.Plan(type, b))));
        return batches;
    }

    /** The measures of one batch: its summary and label counts, then the sums over values or bins. */
    private record BatchMeasures(SqlEngine engine, ContingencyBatch batch, LabelClasses classes) {

        List<ColumnAssociation> measure() {
            List<List<List<Object>>> counted = engine.smallResults(List.of(batch.summary(), batch.labelCounts()));
            Map<Integer, List<Object>> summary = new HashMap<>();
            counted.get(0).forEach(row -> summary.put(((Number) row.get(0)).intValue(), row));
            Map<Integer, Map<Object, Long>> present = new HashMap<>();
            for (List<Object> row : counted.get(1)) {
                present.computeIfAbsent(((Number) row.get(0)).intValue(), w -> new HashMap<>())
                        .put(row.get(1), ((Number) row.get(2)).longValue());
            }
            List<Integer> byValue = new ArrayList<>();
            Map<Integer, double[]> byBin = new LinkedHashMap<>();
            for (Map.Entry<Integer, List<Object>> e : summary.entrySet()) {
                List<Object> row = e.getValue();
                long distinct = ((Number) row.get(2)).longValue();
                if (batch.type == ContingencyValue.NUMBER && distinct > MAX_VALUES) {
                    Column column = batch.columns.get(e.getKey());
                    byBin.put(e.getKey(), SturgesBins.edges(((Number) row.get(1)).longValue(), ((Number) row.get(3)).doubleValue(),
                            ((Number) row.get(4)).doubleValue(), ContingencyValue.integer(column)));
                } else {
                    byValue.add(e.getKey());
                }
            }
            List<String> queries = new ArrayList<>();
            if (!byValue.isEmpty()) {
                queries.add(batch.sums(batch.byValue(byValue)));
            }
            if (!byBin.isEmpty()) {
                queries.add(batch.sums(batch.byBin(byBin)));
            }
            Map<Integer, List<Object>> sums = new HashMap<>();
            engine.smallResults(queries).forEach(rows -> rows.forEach(row -> sums.put(((Number) row.get(0)).intValue(), row)));
            List<ColumnAssociation> out = new ArrayList<>();
            for (int w = 0; w < batch.columns.size(); w++) {
                out.add(association(batch.columns.get(w), byBin.containsKey(w), summary.get(w), present.getOrDefault(w, Map.of()),
                        sums.get(w)));
            }
            return out;
        }

        private ColumnAssociation association(Column column, boolean binned, List<Object> summary, Map<Object, Long> present,
                                              List<Object> sums) {
            String over = binned ? "bins" : "values";
            long[] total = new long[classes.classes().size()];
            long[] with = new long[total.length];
            for (int j = 0; j < total.length; j++) {
                LabelClass c = classes.classes().get(j);
                total[j] = c.count();
                with[j] = present.getOrDefault(c.value(), 0L);
            }
            Double missingV = ContingencyMath.twoRowCramersV(with, total);
            if (summary == null) {
                return new ColumnAssociation(column.name(), over, 0, false, null, null, null, missingV,
                        "no value among the labelled rows");
            }
            long n = ((Number) summary.get(1)).longValue();
            long distinct = ((Number) summary.get(2)).longValue();
            boolean identifier = distinct == n && distinct > 1;
            long r = ((Number) sums.get(1)).longValue();
            long c = present.values().stream().filter(v -> v > 0).count();
            double s = ((Number) sums.get(2)).doubleValue();
            double mi = Math.max(0.0, ((Number) sums.get(3)).doubleValue());
            Double v = ContingencyMath.cramersV(n * (s - 1), n, r, c);
            double h = ContingencyMath.entropy(present.values().stream().mapToLong(Long::longValue).toArray());
            Double normalized = h > 0 ? mi / h : null;
            String note = null;
            if (r == 1) {
                note = "one " + (binned ? "bin" : "value") + " among the labelled rows: it tells nothing of the label";
            } else if (c == 1) {
                note = "its rows hold a single label: Cramér's V and normalized mutual information are undefined";
            }
            return new ColumnAssociation(column.name(), over, distinct, identifier, v, mi, normalized, missingV, note);
        }
    }
}
