package dev.assay.dsl.engine;

/**
 * A SQL engine by name, as an extension registers it (see docs/architecture.md, "Extensions").
 * The kernel and {@code assay run} open the engine the user selected ({@code --engine NAME} or
 * {@code ASSAY_ENGINE}; {@code duckdb} by default) and give it to the session's workspace; the
 * statement {@code use NAME ['LOCATION']} opens others in the same session.
 */
public interface EngineProvider {

    /** The name users select it by: a lower-case word, such as {@code duckdb}. */
    String name();

    /** A new engine for one session, at {@link EngineSettings#location()} when one is given; the workspace closes it. */
    SqlEngine open(EngineSettings settings);

    /**
     * An engine over a session of this engine's own library the user made already (a
     * {@code SparkSession}, say), typed {@code Object} so that callers need not depend on that
     * library. Engines that cannot do this refuse, naming what they were given.
     */
    default SqlEngine wrap(Object session, EngineSettings settings) {
        throw new IllegalArgumentException("engine " + name() + " cannot wrap a "
                + (session == null ? "null session" : session.getClass().getName()));
    }
}
