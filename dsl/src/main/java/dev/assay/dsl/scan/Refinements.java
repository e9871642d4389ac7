package dev.assay.dsl.scan;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The later rounds of a scan's {@link RefinedAggregate}s: after the scan, every aggregate still
 * open asks its next round, and the open rounds of all columns run together, a statement per
 * batch, until each has its value.
 */
final class Refinements {

    /** One refined request: the handle of its current round and the handle its requesters read. */
    private static final class Open<T> {
        final Column column;
        final Handle<T> result;
        Handle<Refinement<T>> round;

        Open(Column column, Handle<T> result, Handle<Refinement<T>> round) {
            this.column = column;
            this.result = result;
            this.round = round;
        }

        Aggregate<Refinement<T>> next() {
            return round.get().next();
        }

        void finish() {
            result.set(round.get().value());
        }
    }

    private final Map<String, Open<?>> requests = new LinkedHashMap<>();

    /** The handle of {@code key} of {@code column}, its first round registered in the scan through {@code scan}. */
    @SuppressWarnings("unchecked")
    <T> Handle<T> add(Column column, String key, Aggregate<Refinement<T>> first,
                      Function<Aggregate<Refinement<T>>, Handle<Refinement<T>>> scan) {
        return (Handle<T>) requests.computeIfAbsent(column.name() + "\u0000" + key,
                k -> new Open<>(column, new Handle<T>(key + " of " + column.name()), scan.apply(first))).result;
    }

    /** Runs the rounds after the first until every request has its value. */
    void run(SqlEngine engine, String relation, ColumnValue values) {
        List<Open<?>> open = requests.values().stream().filter(r -> r.next() != null).toList();
        while (!open.isEmpty()) {
            Map<String, ColumnRequests> columns = new LinkedHashMap<>();
            for (int i = 0; i < open.size(); i++) {
                nextRound(open.get(i), "round:" + i, columns);
            }
            List<BatchQuery> queries = new ArrayList<>();
            for (List<ColumnRequests> batch : ScanBatches.plan(new ArrayList<>(columns.values()))) {
                queries.add(new BatchQuery(engine.dialect(), relation, values, batch, null));
            }
            List<List<List<Object>>> results = engine.smallResults(queries.stream().map(BatchQuery::sql).toList());
            for (int b = 0; b < queries.size(); b++) {
                queries.get(b).read(results.get(b).get(0));
            }
            open = open.stream().filter(r -> r.next() != null).toList();
        }
        requests.values().forEach(Open::finish);
    }

    private static <T> void nextRound(Open<T> open, String key, Map<String, ColumnRequests> columns) {
        Aggregate<Refinement<T>> next = open.next();
        open.round = columns.computeIfAbsent(open.column.name(), name -> new ColumnRequests(open.column))
                .add(Aggregates.of(key, Aggregate.Over.ROWS, next::sql, next::read));
    }
}
