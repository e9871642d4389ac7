package dev.assay.dsl.engine;

/** A column of a relation: its name and the engine's type name (DuckDB's, e.g. BIGINT, VARCHAR). */
public record Column(String name, String type) {
}
