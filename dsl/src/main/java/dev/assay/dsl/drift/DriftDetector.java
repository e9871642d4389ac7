package dev.assay.dsl.drift;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.naming.Suggestions;
import dev.assay.dsl.profile.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares a reference and a current dataset column by column. Columns the user names must
 * be comparable, or the comparison stops with the reason; with no columns named, every
 * column of the reference is compared and those that cannot be are listed as skipped. The
 * method is the one asked for, or chosen per column as Evidently chooses it by default.
 */
public final class DriftDetector {

    private final SqlEngine engine;

    public DriftDetector(SqlEngine engine) {
        this.engine = engine;
    }

    public Drift compare(String reference, String current, DriftPlan plan) {
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
        List<ColumnDrift> columns = new ArrayList<>();
        List<Drift.Skipped> skipped = new ArrayList<>();
        for (Column column : wanted) {
            Optional<Column> other = currentSchema.stream().filter(c -> c.name().equals(column.name())).findFirst();
            String problem = other.isEmpty() ? "not in " + current : incomparable(column, other.get(), reference, current);
            if (problem == null) {
                try (ColumnValues values = ColumnValues.of(engine, reference, current, column, other.get())) {
                    problem = noValues(values, reference, current, referenceRows, currentRows);
                    if (problem == null) {
                        columns.add(compareColumn(column, other.get(), values, plan, referenceRows, currentRows));
                    }
                }
            }
            if (problem != null) {
                if (named) {
                    throw new IllegalArgumentException("column '" + column.name() + "' cannot be compared: " + problem);
                }
                skipped.add(new Drift.Skipped(column.name(), problem));
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

    private static String noValues(ColumnValues v, String reference, String current, long referenceRows, long currentRows) {
        if (v.referenceValues == 0) {
            return "it has no values in " + reference + " (all " + referenceRows + " rows are missing)";
        }
        if (v.currentValues == 0) {
            return "it has no values in " + current + " (all " + currentRows + " rows are missing)";
        }
        return null;
    }

    private ColumnDrift compareColumn(Column r, Column c, ColumnValues values, DriftPlan plan, long referenceRows, long currentRows) {
        DriftKind kind = values.driftKind();
        DriftMethod method = plan.method() != null ? plan.method() : auto(kind, values.referenceValues, values.distinct);
        String unsuitable = unsuitable(method, kind, values);
        if (unsuitable != null) {
            throw new IllegalArgumentException("column '" + r.name() + "': " + unsuitable);
        }
        double threshold = plan.threshold() != null ? plan.threshold() : method.defaultThreshold();
        String problem = method.thresholdProblem(threshold);
        if (problem != null) {
            throw new IllegalArgumentException("threshold " + format(threshold) + " is out of range for column '" + r.name()
                    + "', compared with " + problem + " (say 'using METHOD' to choose one method for every column)");
        }
        DriftStatistics.Outcome o = DriftStatistics.compute(method, kind, values);
        double statistic = o.statistic() == null ? Double.POSITIVE_INFINITY : o.statistic();
        boolean drifted = method.drifted(statistic, o.pValue(), threshold);
        String shownType = r.type().equals(c.type()) ? r.type() : r.type() + " / " + c.type();
        return new ColumnDrift(r.name(), shownType, kind, method, o.statistic(), o.pValue(), threshold, drifted,
                values.referenceValues, values.currentValues, referenceRows - values.referenceValues,
                currentRows - values.currentValues, o.note(),
                DistributionQueries.of(kind, values));
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
    private static String unsuitable(DriftMethod method, DriftKind kind, ColumnValues values) {
        if ((method == DriftMethod.KS || method == DriftMethod.WASSERSTEIN) && kind != DriftKind.NUMERIC) {
            return method.keyword() + " compares numbers and this column is " + kind.jsonName()
                    + ": use chi2, z, psi, js or hellinger";
        }
        if (method == DriftMethod.Z && values.distinct > 2) {
            return "z compares a column with two values and this one has " + values.distinct + ": use chi2 or js";
        }
        if (method == DriftMethod.TEXT && values.columnKind != ColumnKind.TEXT) {
            return "text compares the words of text and this column is " + kind.jsonName() + ": use auto";
        }
        return null;
    }

    private static String format(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
