package dev.assay.dsl.sql;

/** One statement of a SQL script and the 1-based line it starts on in the script. */
public record SqlStatement(String text, int line) {
}
