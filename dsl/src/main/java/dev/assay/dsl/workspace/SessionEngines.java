package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The engines a session has open, by name: the one it started with (DuckDB unless the user chose
 * another) and each that {@code use} opened since, and which of them is current, where new
 * datasets are made. One engine per name: {@code use} reuses an open engine when it names the
 * same location (or none), and replaces it, closing the old one and its datasets, when it names
 * another. Readers ({@link #all()}, {@link #cancel()}) may run on any thread.
 */
public final class SessionEngines implements AutoCloseable {

    /** An open engine, the name it was selected by and the location it was opened at (null: its default). */
    public record Opened(String name, String location, SqlEngine engine) {
    }

    /** What {@link #use} did: {@code opened} false when it reused an open engine; {@code replaced} the engine it closed. */
    public record Used(Opened engine, boolean opened, Opened replaced) {
    }

    private final EngineRegistry registry;
    private final EngineSettings settings;
    /** Copied on every change, so that other threads read a whole map without a lock. */
    private volatile Map<String, Opened> open;
    private volatile String current;

    SessionEngines(EngineRegistry registry, EngineSettings settings, String firstName, SqlEngine first) {
        this.registry = registry;
        this.settings = settings;
        this.open = ordered(Map.of(firstName, new Opened(firstName, null, first)));
        this.current = firstName;
    }

    /** The engines a {@code use} may name (the registry is live: {@code %maven} may add one). */
    public EngineRegistry registry() {
        return registry;
    }

    public Opened current() {
        return open.get(current);
    }

    /** The open engines, the first one first. */
    public List<Opened> all() {
        return List.copyOf(open.values());
    }

    public Optional<Opened> named(String name) {
        return Optional.ofNullable(open.get(name));
    }

    /**
     * Makes engine {@code name} current, opening it at {@code location} (null: the engine's
     * default, or where it is open already) on first use. A failed open changes nothing.
     */
    public synchronized Used use(String name, String location) {
        EngineProvider provider = registry.select(name);
        Opened before = open.get(provider.name());
        if (before != null && (location == null || Objects.equals(location, before.location()))) {
            current = before.name();
            return new Used(before, false, null);
        }
        return replace(before, new Opened(provider.name(), location, provider.open(settings.at(location))));
    }

    /** Makes current an engine over the user's own session of engine {@code name} (see {@link EngineProvider#wrap}). */
    public synchronized Used wrap(String name, Object session) {
        EngineProvider provider = registry.select(name);
        return replace(open.get(provider.name()), new Opened(provider.name(), null,
                provider.wrap(session, settings)));
    }

    private Used replace(Opened before, Opened made) {
        Map<String, Opened> next = new LinkedHashMap<>(open);
        next.put(made.name(), made);
        open = ordered(next);
        current = made.name();
        if (before != null) {
            before.engine().close(); // its datasets go with it (see docs/architecture.md)
        }
        return new Used(made, true, before);
    }

    /** An unmodifiable copy keeping the order engines were first opened in. */
    private static Map<String, Opened> ordered(Map<String, Opened> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Stops what every engine runs, and later statements until {@link #resetCancel()}. */
    public void cancel() {
        open.values().forEach(e -> e.engine().cancel());
    }

    public void resetCancel() {
        open.values().forEach(e -> e.engine().resetCancel());
    }

    /** The progress of whichever engine runs a statement now. */
    public OptionalDouble runningProgress() {
        for (Opened e : open.values()) {
            OptionalDouble progress = e.engine().runningProgress();
            if (progress.isPresent()) {
                return progress;
            }
        }
        return OptionalDouble.empty();
    }

    /** Closes every engine, each even when another fails to close. */
    @Override
    public synchronized void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (Opened e : open.values()) {
            try {
                e.engine().close();
            } catch (RuntimeException failure) {
                failures.add(failure);
            }
        }
        if (!failures.isEmpty()) {
            RuntimeException first = failures.get(0);
            failures.subList(1, failures.size()).forEach(first::addSuppressed);
            throw first;
        }
    }
}
