package dev.assay.dsl.lang;

/**
 * A statement of the language as parsed: names and values, no SQL. Each kind is one class
 * in {@code dev.assay.dsl.statements}, with its {@link StatementType} (keyword, parsing,
 * completion, help) beside it; see docs/architecture.md, "Where to add a statement".
 */
public interface Statement {

    Position position();

    /** Runs the statement; the result is a value the renderer registry knows how to show. */
    Object run(StatementContext context);
}
