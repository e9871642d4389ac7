package dev.assay.dsl.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The first rows of a relation, for showing: the columns, up to a limit of rows (values as
 * plain Java objects, null for SQL NULL) and how many rows the relation has in all. It holds
 * only the rows shown, never the relation.
 */
public record TablePreview(String name, List<Column> columns, List<List<Object>> rows, long totalRows) {

    public TablePreview {
        columns = List.copyOf(columns);
        rows = rows.stream().map(r -> Collections.unmodifiableList(new ArrayList<>(r))).toList();
    }
}
