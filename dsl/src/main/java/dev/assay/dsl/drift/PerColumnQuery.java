package dev.assay.dsl.drift;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A statement answering for several columns of a {@link DriftValues} batch at once, and how
 * each column's result is read: the statement's rows start with the column's {@code w}, and
 * {@code read} turns one column's rows (in the statement's order; none when it has no rows)
 * into its result. The queries of a batch are independent, so the engine may run them side by side.
 */
record PerColumnQuery<T>(String sql, List<ColumnSummary> columns, BiFunction<ColumnSummary, List<List<Object>>, T> read) {

    PerColumnQuery {
        columns = List.copyOf(columns);
    }

    /** Each column's result, by w. */
    Map<Integer, T> results(List<List<Object>> rows) {
        Map<Integer, List<List<Object>>> byColumn = new HashMap<>();
        for (List<Object> row : rows) {
            byColumn.computeIfAbsent(((Number) row.get(0)).intValue(), w -> new ArrayList<>()).add(row);
        }
        Map<Integer, T> results = new HashMap<>();
        for (ColumnSummary column : columns) {
            results.put(column.w(), read.apply(column, byColumn.getOrDefault(column.w(), List.of())));
        }
        return results;
    }
}
