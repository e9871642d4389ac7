package dev.assay.dsl.scan;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what operations want to know of one relation (its row count, and aggregates of its
 * columns), then computes all of it in as few scans as the engine allows: columns are cut into
 * {@link ScanBatches batches}, each one SQL statement whose size grows with its own columns
 * only, so that cost stays linear in columns at any width. Equal requests share one result.
 * Requesters read typed {@link Handle}s, never positions in a result row.
 */
public final class AggregateScan {

    private final SqlEngine engine;
    private final String relation;
    private final ColumnValue values;
    private final Map<String, ColumnRequests> columns = new LinkedHashMap<>();
    private final Refinements refinements = new Refinements();
    private Handle<Long> rows;
    private boolean ran;

    /** A scan of {@code relation} reading each column's values as {@code values} says. */
    public AggregateScan(SqlEngine engine, String relation, ColumnValue values) {
        this.engine = engine;
        this.relation = relation;
        this.values = values;
    }

    /** The number of rows. */
    public Handle<Long> rows() {
        if (rows == null) {
            rows = new Handle<>("the row count of " + relation);
        }
        return rows;
    }

    /** {@code aggregate} of {@code column}; asked twice, the same handle. */
    public <T> Handle<T> add(Column column, Aggregate<T> aggregate) {
        if (ran) {
            throw new IllegalStateException("the scan of " + relation + " already ran");
        }
        if (aggregate instanceof RefinedAggregate<T> refined) {
            Aggregate<Refinement<T>> first = refined.firstRound(engine.dialect());
            if (first != null) {
                return refinements.add(column, aggregate.key(), first, round -> add(column, round));
            }
        }
        return columns.computeIfAbsent(column.name(), name -> new ColumnRequests(column)).add(aggregate);
    }

    /** True when nothing is asked: running would scan for nothing. */
    public boolean isEmpty() {
        return rows == null && columns.isEmpty();
    }

    /**
     * Computes every request, a statement per batch of columns (the engine may run them side by
     * side, and reports its progress over all of them), then the later rounds of refined
     * aggregates, a statement per batch and round. Runs once.
     */
    public void run() {
        if (ran) {
            throw new IllegalStateException("the scan of " + relation + " already ran");
        }
        ran = true;
        List<List<ColumnRequests>> batches = ScanBatches.plan(new ArrayList<>(columns.values()));
        if (batches.isEmpty() && rows != null) {
            batches = List.of(List.of());
        }
        List<BatchQuery> queries = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            queries.add(new BatchQuery(engine.dialect(), relation, values, batches.get(b), b == 0 ? rows : null));
        }
        List<List<List<Object>>> results = engine.smallResults(queries.stream().map(BatchQuery::sql).toList());
        for (int b = 0; b < queries.size(); b++) {
            queries.get(b).read(results.get(b).get(0));
        }
        refinements.run(engine, relation, values);
    }
}
