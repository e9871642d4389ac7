package dev.assay.dsl.engine;

import java.util.Map;

/**
 * What an {@link EngineProvider} is told when it opens an engine: the memory the engine may use
 * and the process environment (where an engine reads its own settings, such as a Spark URL).
 */
public record EngineSettings(MemoryLimit memoryLimit, Map<String, String> environment) {

    public EngineSettings {
        environment = Map.copyOf(environment);
    }

    /** {@code ASSAY_MEMORY_LIMIT} or the default limit, and this process's environment. */
    public static EngineSettings fromEnvironment() {
        Map<String, String> environment = System.getenv();
        return new EngineSettings(MemoryLimit.fromEnvironment(environment), environment);
    }
}
