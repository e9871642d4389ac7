package dev.assay.dsl.engine;

/** A column of a relation: its name and its logical type name ({@link LogicalType}, docs/types.md: BIGINT, VARCHAR ...). */
public record Column(String name, String type) {
}
