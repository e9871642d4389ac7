package dev.assay.dsl.store;

import dev.assay.dsl.engine.Column;
import java.util.List;

/** What a fingerprint was computed over: the schema and the number of rows, with the fingerprint. */
public record Content(Fingerprint fingerprint, long rows, List<Column> schema) {

    public Content {
        schema = List.copyOf(schema);
    }
}
