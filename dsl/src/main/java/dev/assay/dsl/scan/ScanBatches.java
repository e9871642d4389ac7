package dev.assay.dsl.scan;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the columns of a scan into batches, each one statement. A statement holding every
 * column of a wide table is a plan that grows past what the engine can bind (DuckDB: an
 * expression depth of 1000, plan memory of many GB); batches of a bounded size keep each plan
 * small, so the cost is linear in columns. The budget counts aggregates, and a grouping by
 * value as {@link #GROUPING_COST} more.
 */
final class ScanBatches {

    /**
     * Aggregates per statement. Measured on 100,000 rows x 1,000 columns (DuckDB, 2 cores):
     * seconds per column fall until about 25 columns of profile aggregates per statement and
     * are flat from there to 400; 240 keeps plans small with room to spare.
     */
    static final int BUDGET = 240;
    /**
     * A column grouped by value: its values join its type's one grouping of the batch (the
     * aggregates over them are written once per type), so it costs what two aggregates do.
     */
    static final int GROUPING_COST = 2;

    private ScanBatches() {
    }

    static List<List<ColumnRequests>> plan(List<ColumnRequests> columns) {
        List<List<ColumnRequests>> batches = new ArrayList<>();
        List<ColumnRequests> batch = new ArrayList<>();
        int cost = 0;
        for (ColumnRequests column : columns) {
            if (!batch.isEmpty() && cost + column.cost() > BUDGET) {
                batches.add(batch);
                batch = new ArrayList<>();
                cost = 0;
            }
            batch.add(column);
            cost += column.cost();
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
