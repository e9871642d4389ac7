package dev.assay.spark;

import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import org.apache.spark.sql.SparkSession;

/**
 * The engine {@code spark}: a session on the location given ({@code use spark 'sc://host:15002'}),
 * or {@code ASSAY_SPARK_LOCATION} when it is selected at start ({@code --engine spark}).
 */
public final class SparkEngineProvider implements EngineProvider {

    public static final String NAME = "spark";
    /** Where {@code --engine spark} connects when no location is given. */
    public static final String LOCATION_VARIABLE = "ASSAY_SPARK_LOCATION";

    @Override
    public String name() {
        return NAME;
    }

    /** A new session on the location of {@code use spark 'LOCATION'}, else of {@code ASSAY_SPARK_LOCATION}. */
    @Override
    public SqlEngine open(EngineSettings settings) {
        String location = settings.location() != null ? settings.location() : settings.environment().get(LOCATION_VARIABLE);
        return open(location, settings);
    }

    /** A new session on {@code location}, closed with the engine. */
    public SqlEngine open(String location, EngineSettings settings) {
        return new SparkEngine(SparkSessions.open(location), true, settings.memoryLimit());
    }

    /** An engine on a session the user made ({@code assay.useSpark(session)}); it stays open when the engine closes. */
    @Override
    public SqlEngine wrap(Object session, EngineSettings settings) {
        if (!(session instanceof SparkSession spark)) {
            throw new IllegalArgumentException("engine spark works on an org.apache.spark.sql.SparkSession, not on "
                    + (session == null ? "null" : session.getClass().getName()));
        }
        return new SparkEngine(spark, false, settings.memoryLimit());
    }
}
