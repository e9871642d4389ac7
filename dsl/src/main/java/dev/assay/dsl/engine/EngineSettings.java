package dev.assay.dsl.engine;

import java.util.Map;

/**
 * What an {@link EngineProvider} is told when it opens an engine: the memory the engine may use,
 * the process environment (where an engine reads its own settings), and the location the user
 * asked for with {@code use ENGINE 'LOCATION'} ({@code sc://127.0.0.1:15002}, {@code local[2]}),
 * null when none was given (the engine's default).
 */
public record EngineSettings(MemoryLimit memoryLimit, Map<String, String> environment, String location) {

    public EngineSettings {
        environment = Map.copyOf(environment);
    }

    /** Settings without a location. */
    public EngineSettings(MemoryLimit memoryLimit, Map<String, String> environment) {
        this(memoryLimit, environment, null);
    }

    /** {@code ASSAY_MEMORY_LIMIT} or the default limit, and this process's environment. */
    public static EngineSettings fromEnvironment() {
        Map<String, String> environment = System.getenv();
        return new EngineSettings(MemoryLimit.fromEnvironment(environment), environment);
    }

    /** These settings with the location the user asked for (null: the engine's default). */
    public EngineSettings at(String location) {
        return new EngineSettings(memoryLimit, environment, location);
    }
}
