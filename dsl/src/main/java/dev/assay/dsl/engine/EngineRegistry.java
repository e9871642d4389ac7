package dev.assay.dsl.engine;

import dev.assay.dsl.naming.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The SQL engines a session may select, by name, and which extension registered each. */
public final class EngineRegistry {

    /** The environment variable that selects an engine when no {@code --engine} is given. */
    public static final String ENGINE_VARIABLE = "ASSAY_ENGINE";

    private final Map<String, EngineProvider> providers = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();

    /** Adds an engine; a name taken by another is refused, naming both registrations. */
    public synchronized void register(EngineProvider provider, String origin) {
        String name = provider.name();
        if (name == null || !name.matches("[a-z][a-z0-9_-]*")) {
            throw new IllegalArgumentException("an engine name is a lower-case word, got '" + name + "'");
        }
        String earlier = origins.get(name);
        if (earlier != null) {
            throw new IllegalArgumentException("engine '" + name + "' of " + origin + " is registered already by " + earlier);
        }
        providers.put(name, provider);
        origins.put(name, origin);
    }

    public synchronized List<String> names() {
        return new ArrayList<>(providers.keySet());
    }

    /** The engine of {@code name} (any case); an unknown name is an error listing the known ones. */
    public synchronized EngineProvider select(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        EngineProvider provider = providers.get(lower);
        if (provider == null) {
            List<String> known = names();
            throw new IllegalArgumentException("unknown engine '" + name + "'; known engines: " + String.join(", ", known)
                    + Suggestions.didYouMean(lower, known));
        }
        return provider;
    }

    /** The name given on the command line, else {@code ASSAY_ENGINE}, else {@code duckdb}. */
    public static String selectedName(String option, Map<String, String> environment) {
        if (option != null && !option.isBlank()) {
            return option;
        }
        String variable = environment.get(ENGINE_VARIABLE);
        return variable != null && !variable.isBlank() ? variable : DuckDbEngineProvider.NAME;
    }
}
