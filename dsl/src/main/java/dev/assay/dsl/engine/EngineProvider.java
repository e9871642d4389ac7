package dev.assay.dsl.engine;

/**
 * A SQL engine by name, as an extension registers it (see docs/architecture.md, "Extensions").
 * The kernel and {@code assay run} open the engine the user selected ({@code --engine NAME} or
 * {@code ASSAY_ENGINE}; {@code duckdb} by default) and give it to the session's workspace.
 */
public interface EngineProvider {

    /** The name users select it by: a lower-case word, such as {@code duckdb}. */
    String name();

    /** A new engine for one session; the workspace closes it. */
    SqlEngine open(EngineSettings settings);
}
