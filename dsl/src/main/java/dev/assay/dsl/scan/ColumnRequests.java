package dev.assay.dsl.scan;

import dev.assay.dsl.engine.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What is asked of one column, each aggregate once, in the order first asked. */
final class ColumnRequests {

    /** One aggregate and the handle every requester of it reads. */
    record Request<T>(Aggregate<T> aggregate, Handle<T> handle) {
        void fill(Object raw) {
            handle.set(aggregate.read(raw));
        }
    }

    private final Column column;
    private final Map<String, Request<?>> requests = new LinkedHashMap<>();

    ColumnRequests(Column column) {
        this.column = column;
    }

    Column column() {
        return column;
    }

    @SuppressWarnings("unchecked")
    <T> Handle<T> add(Aggregate<T> aggregate) {
        Request<?> request = requests.computeIfAbsent(aggregate.key(),
                key -> new Request<>(aggregate, new Handle<T>(key + " of " + column.name())));
        return (Handle<T>) request.handle();
    }

    List<Request<?>> over(Aggregate.Over over) {
        return requests.values().stream().filter(r -> r.aggregate().over() == over).toList();
    }

    /** The cost of this column in a statement, in {@link ScanBatches} units. */
    int cost() {
        return over(Aggregate.Over.ROWS).size() + over(Aggregate.Over.KEYS).size()
                + (over(Aggregate.Over.VALUES).isEmpty() ? 0 : ScanBatches.GROUPING_COST);
    }
}
