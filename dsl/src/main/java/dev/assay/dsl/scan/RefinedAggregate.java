package dev.assay.dsl.scan;

import dev.assay.dsl.engine.SqlDialect;

/**
 * An aggregate that some engines compute in one aggregate and others, to stay distributed, in
 * rounds whose SQL depends on the round before (exact quantiles on Spark: a sketch, then a count
 * and collect around its brackets). The first round joins the scan's statement like any other
 * aggregate; each later round is one more statement per batch of columns, not one per column.
 */
public interface RefinedAggregate<T> extends Aggregate<T> {

    /** The first of several rounds over rows on this dialect; null when {@link #sql} computes it in one. */
    Aggregate<Refinement<T>> firstRound(SqlDialect dialect);
}
