package dev.assay.dsl.drift;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.ColumnBatches;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.profile.ColumnKind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Compares a reference and a current dataset column by column. Columns the user names must
 * be comparable, or the comparison stops with the reason; with no columns named, every
 * column of the reference is compared and those that cannot be are listed as skipped. The
 * method is the one asked for, or chosen per column as Evidently chooses it by default.
 * Columns are compared in batches ({@link DriftValues}), so a wide table costs a few
 * statements per batch rather than several per column.
 */
public final class DriftDetector {

    private final SqlEngine engine;

    public DriftDetector(SqlEngine engine) {
        this.engine = engine;
    }

    public Drift compare(String reference, String current, DriftPlan plan) {
        return compare(reference, current, plan, !plan.columns().isEmpty());
    }

    /**
     * The {@code auto} drift of {@code columns}, each in both datasets; a column that cannot be
     * compared (no values on one side, different kinds) is skipped with the reason rather than
     * stopping the comparison (a history compares whatever two versions share).
     */
    public Drift compareShared(String reference, String current, List<String> columns) {
        return compare(reference, current, DriftPlan.on(columns), false);
    }

    /** {@code strict}: a planned column that cannot be compared stops the comparison (a user named it). */
    private Drift compare(String reference, String current, DriftPlan plan, boolean strict) {
        if (plan.method() != null && plan.threshold() != null) {
            String problem = plan.method().thresholdProblem(plan.threshold());
            if (problem != null) {
                throw new IllegalArgumentException("threshold " + format(plan.threshold()) + " is out of range: " + problem);
            }
        }
        long referenceRows = engine.count(reference);
        long currentRows = engine.count(current);
        if (referenceRows == 0 || currentRows == 0) {
            throw new IllegalArgumentException("the " + (referenceRows == 0 ? "reference dataset '" + reference
                    : "current dataset '" + current) + "' has no rows: nothing to compare");
        }
        List<Column> referenceSchema = engine.schema(reference);
        List<Column> currentSchema = engine.schema(current);
        boolean named = !plan.columns().isEmpty();
        List<Column> wanted = named ? named(plan.columns(), reference, referenceSchema, current, currentSchema) : referenceSchema;
        Map<String, String> problems = new HashMap<>();
        List<DriftValues.Pair> comparable = new ArrayList<>();
        for (Column column : wanted) {
            Optional<Column> other = currentSchema.stream().filter(c -> c.name().equals(column.name())).findFirst();
            String problem = other.isEmpty() ? "not in " + current : incomparable(column, other.get(), reference, current);
            if (problem == null) {
                comparable.add(new DriftValues.Pair(column, other.get()));
            } else {
                problems.put(column.name(), skippedOrThrow(strict, column.name(), problem));
            }
        }
        Map<String, ColumnDrift> compared = new HashMap<>();
        List<List<DriftValues.Pair>> batches = batches(comparable, referenceRows + currentRows);
        engine.inSteps(batches.size(), () -> {
            for (List<DriftValues.Pair> batch : batches) {
                try (DriftValues values = DriftValues.of(engine, reference, current, batch)) {
                    List<ColumnSummary> ready = new ArrayList<>();
                    for (ColumnSummary column : values.columns) {
                        String problem = noValues(column, reference, current, referenceRows, currentRows);
                        if (problem == null) {
                            ready.add(column);
                        } else {
                            problems.put(column.name(), skippedOrThrow(strict, column.name(), problem));
                        }
                    }
                    compareBatch(values, batch, ready, plan, referenceRows, currentRows).forEach(d -> compared.put(d.name(), d));
                }
                engine.stepDone();
            }
            return compared;
        });
        List<ColumnDrift> columns = new ArrayList<>();
        List<Drift.Skipped> skipped = new ArrayList<>();
        for (Column column : wanted) {
            if (compared.containsKey(column.name())) {
                columns.add(compared.get(column.name()));
            } else {
                skipped.add(new Drift.Skipped(column.name(), problems.get(column.name())));
            }
        }
        if (!named) {
            for (Column c : currentSchema) {
                if (referenceSchema.stream().noneMatch(r -> r.name().equals(c.name()))) {
                    skipped.add(new Drift.Skipped(c.name(), "not in " + reference));
                }
            }
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no column of " + reference + " and " + current + " can be compared: "
                    + String.join("; ", skipped.stream().map(s -> s.name() + " " + s.reason()).toList()));
        }
        return new Drift(reference, current, referenceRows, currentRows, columns, skipped);
    }

    /** A named column that cannot be compared stops the comparison; otherwise it is skipped, with why. */
    private static String skippedOrThrow(boolean named, String column, String problem) {
        if (named) {
            throw new IllegalArgumentException("column '" + column + "' cannot be compared: " + problem);
        }
        return problem;
    }

    /**
     * The columns in batches of one value type, in their order, each batch small enough that its
     * values (at most {@link #VALUES_PER_BATCH} of both datasets together) stay a modest scratch
     * table, and at most {@link #MAX_BATCH_COLUMNS} columns.
     */
    static List<List<DriftValues.Pair>> batches(List<DriftValues.Pair> columns, long rowsOfBoth) {
        int size = (int) Math.max(1, Math.min(MAX_BATCH_COLUMNS, VALUES_PER_BATCH / Math.max(1, rowsOfBoth)));
        Map<DriftValues.ValueType, List<DriftValues.Pair>> byType = new LinkedHashMap<>();
        for (DriftValues.Pair pair : columns) {
            byType.computeIfAbsent(DriftValues.ValueType.of(DriftKind.columnKindOf(pair.reference().type())), t -> new ArrayList<>())
                    .add(pair);
        }
        List<List<DriftValues.Pair>> batches = new ArrayList<>();
        byType.values().forEach(ofType -> batches.addAll(ColumnBatches.of(ofType, size)));
        return batches;
    }

    /**
     * Rows of both datasets times columns a batch reads at most: its scratch table stays under
     * about 100 MB, and a batch of 100 numeric columns of 20,000 rows a side takes about 0.7 s
     * to group (docs/wide-operations.md). Not tuned: only these batches (100 columns of 20,000
     * rows, 500 of 2,000) were timed.
     */
    static final long VALUES_PER_BATCH = 4_000_000;
    /** Columns a batch holds at most. */
    static final int MAX_BATCH_COLUMNS = 500;

    /**
     * The ready columns of a batch compared: the method and threshold of each checked first,
     * then every method's statement and every picture's, run side by side.
     */
    private List<ColumnDrift> compareBatch(DriftValues values, List<DriftValues.Pair> pairs, List<ColumnSummary> ready,
                                           DriftPlan plan, long referenceRows, long currentRows) {
        Map<DriftMethod, List<ColumnSummary>> byMethod = new LinkedHashMap<>();
        Map<Integer, Double> thresholds = new HashMap<>();
        for (ColumnSummary column : ready) {
            DriftKind kind = column.driftKind();
            DriftMethod method = plan.method() != null ? plan.method() : auto(kind, column.referenceValues(), column.distinct());
            String unsuitable = unsuitable(method, kind, column);
            if (unsuitable != null) {
                throw new IllegalArgumentException("column '" + column.name() + "': " + unsuitable);
            }
            double threshold = plan.threshold() != null ? plan.threshold() : method.defaultThreshold();
            String problem = method.thresholdProblem(threshold);
            if (problem != null) {
                throw new IllegalArgumentException("threshold " + format(threshold) + " is out of range for column '" + column.name()
                        + "', compared with " + problem + " (say 'using METHOD' to choose one method for every column)");
            }
            byMethod.computeIfAbsent(method, m -> new ArrayList<>()).add(column);
            thresholds.put(column.w(), threshold);
        }
        List<PerColumnQuery<DriftStatistics.Outcome>> statistics = new ArrayList<>();
        byMethod.forEach((method, columns) -> statistics.addAll(DriftStatistics.queries(method, columns, values)));
        List<PerColumnQuery<Distribution>> pictures = DistributionQueries.queries(ready, values);
        List<String> sql = new ArrayList<>();
        statistics.forEach(q -> sql.add(q.sql()));
        pictures.forEach(q -> sql.add(q.sql()));
        List<List<List<Object>>> rows = engine.smallResults(sql);
        Map<Integer, DriftStatistics.Outcome> outcomes = new HashMap<>();
        Map<Integer, Distribution> distributions = new HashMap<>();
        for (int i = 0; i < statistics.size(); i++) {
            outcomes.putAll(statistics.get(i).results(rows.get(i)));
        }
        for (int i = 0; i < pictures.size(); i++) {
            distributions.putAll(pictures.get(i).results(rows.get(statistics.size() + i)));
        }
        List<ColumnDrift> compared = new ArrayList<>();
        byMethod.forEach((method, columns) -> {
            for (ColumnSummary column : columns) {
                DriftStatistics.Outcome o = outcomes.get(column.w());
                double statistic = o.statistic() == null ? Double.POSITIVE_INFINITY : o.statistic();
                double threshold = thresholds.get(column.w());
                Column r = pairs.get(column.w()).reference();
                Column c = pairs.get(column.w()).current();
                String shownType = r.type().equals(c.type()) ? r.type() : r.type() + " / " + c.type();
                compared.add(new ColumnDrift(r.name(), shownType, column.driftKind(), method, o.statistic(), o.pValue(), threshold,
                        method.drifted(statistic, o.pValue(), threshold), column.referenceValues(), column.currentValues(),
                        referenceRows - column.referenceValues(), currentRows - column.currentValues(), o.note(),
                        distributions.get(column.w())));
            }
        });
        return compared;
    }

    /** The named columns of the reference; each must also be in the current dataset. */
    private static List<Column> named(List<String> names, String reference, List<Column> referenceSchema,
                                      String current, List<Column> currentSchema) {
        List<Column> chosen = new ArrayList<>();
        for (String name : names) {
            Column column = find(name, reference, referenceSchema, current, currentSchema);
            if (chosen.contains(column)) {
                throw new IllegalArgumentException("column '" + name + "' is named twice");
            }
            find(name, current, currentSchema, reference, referenceSchema);
            chosen.add(column);
        }
        return chosen;
    }

    private static Column find(String name, String dataset, List<Column> schema, String other, List<Column> otherSchema) {
        return schema.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> {
            boolean inOther = otherSchema.stream().anyMatch(c -> c.name().equals(name));
            return new IllegalArgumentException(inOther ? "no column '" + name + "' in " + dataset + " (it is only in " + other + ")"
                    : Suggestions.noColumn(name, dataset, schema.stream().map(Column::name).toList()));
        });
    }

    /** Null when the two columns can be compared, else why not. */
    private static String incomparable(Column r, Column c, String reference, String current) {
        ColumnKind kind = DriftKind.columnKindOf(r.type());
        if (kind == ColumnKind.OTHER) {
            return "drift compares numbers, dates, booleans and text; it is " + r.type();
        }
        if (DriftKind.columnKindOf(c.type()) != kind) {
            return "it is " + r.type() + " in " + reference + " but " + c.type() + " in " + current
                    + "; cast one side so that both are numbers, times, booleans or text";
        }
        return null;
    }

    private static String noValues(ColumnSummary v, String reference, String current, long referenceRows, long currentRows) {
        if (v.referenceValues() == 0) {
            return "it has no values in " + reference + " (all " + referenceRows + " rows are missing)";
        }
        if (v.currentValues() == 0) {
            return "it has no values in " + current + " (all " + currentRows + " rows are missing)";
        }
        return null;
    }

    /**
     * Evidently's default choice (its stattests registry): for a reference of up to 1,000
     * values, ks for numbers with more than 5 distinct values in both samples together, else
     * chi2 above 2 values and z at 2; for larger references, wasserstein for such numbers and
     * js otherwise. Free text has Assay's own method.
     */
    static DriftMethod auto(DriftKind kind, long referenceValues, long distinct) {
        if (kind == DriftKind.TEXT) {
            return DriftMethod.TEXT;
        }
        boolean manyNumbers = kind == DriftKind.NUMERIC && distinct > 5;
        if (referenceValues <= 1000) {
            return manyNumbers ? DriftMethod.KS : distinct > 2 ? DriftMethod.CHI2 : DriftMethod.Z;
        }
        return manyNumbers ? DriftMethod.WASSERSTEIN : DriftMethod.JS;
    }

    /** Null when the method applies to the column, else why not and what to use instead. */
    private static String unsuitable(DriftMethod method, DriftKind kind, ColumnSummary values) {
        if ((method == DriftMethod.KS || method == DriftMethod.WASSERSTEIN) && kind != DriftKind.NUMERIC) {
            return method.keyword() + " compares numbers and this column is " + kind.jsonName()
                    + ": use chi2, z, psi, js or hellinger";
        }
        if (method == DriftMethod.Z && values.distinct() > 2) {
            return "z compares a column with two values and this one has " + values.distinct() + ": use chi2 or js";
        }
        if (method == DriftMethod.TEXT && values.columnKind() != ColumnKind.TEXT) {
            return "text compares the words of text and this column is " + kind.jsonName() + ": use auto";
        }
        return null;
    }

    private static String format(double v) {
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
