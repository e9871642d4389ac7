package dev.assay.dsl.sample;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.StagedTables;
import dev.assay.dsl.split.SplitKey;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code sample}: a new dataset of the rows a {@link SamplePlan} picks by the split hash of
 * the whole row, in the source's row order. The new dataset replaces {@code target} only once
 * it is complete.
 */
public final class Sampler {

    private static final BigDecimal ALL = BigDecimal.valueOf(100);

    private final SqlEngine engine;

    public Sampler(SqlEngine engine) {
        this.engine = engine;
    }

    /** {@code allColumns}: the columns of {@code dataset}, whose values make a row's hash. */
    public Sampled sample(String dataset, String target, SamplePlan plan, List<String> allColumns) {
        SqlDialect d = engine.dialect();
        List<Column> key = SplitKey.columns(engine, dataset, allColumns);
        try (OrderedSource source = OrderedSource.of(engine, dataset, target.equals(dataset));
             StagedTables staged = StagedTables.of(engine, target)) {
            String aside = staged.aside(target);
            String hashed = "SELECT " + source.ordinal() + " AS ord, " + SplitKey.sqlHex16(d, plan.seed(), key)
                    + " AS h FROM " + source.table();
            engine.materialize(aside, "SELECT * FROM " + source.table() + " WHERE " + source.ordinal() + " IN ("
                    + chosen(hashed, plan) + ") ORDER BY " + source.ordinal());
            long sourceRows = engine.count(dataset);
            long rows = engine.count(aside);
            staged.commit();
            return new Sampled(target, dataset, sourceRows, rows, plan, SplitKey.version(key));
        }
    }

    /** The ordinals of the chosen rows, from rows of (ord, h). */
    private String chosen(String hashed, SamplePlan plan) {
        if (plan.percent() == null) {
            return "SELECT ord FROM (" + hashed + ") ORDER BY h, ord LIMIT " + plan.rows();
        }
        if (plan.percent().compareTo(ALL) == 0) {
            return "SELECT ord FROM (" + hashed + ")";
        }
        // The first part of a split P/(100-P): the same boundary, so the same rows.
        String bound = SplitKey.boundaries(List.of(plan.percent(), ALL.subtract(plan.percent()))).get(0);
        return "SELECT ord FROM (" + hashed + ") WHERE h < " + engine.dialect().quoteLiteral(bound);
    }
}
