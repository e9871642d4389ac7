package dev.assay.kernel.extension;

import dev.assay.dsl.check.MeasureSyntax;
import dev.assay.dsl.check.MeasureType;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.lang.StatementRegistry;
import dev.assay.dsl.lang.StatementType;
import dev.assay.kernel.exec.magic.Magic;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.viz.Renderer;
import dev.assay.viz.RendererRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A session's registries (statements, magics, renderers, engines; measures are the language's)
 * and the extensions registered into them, each at most once. {@link #load} registers what a
 * class loader offers that is new and says what it did; an extension that fails is reported,
 * never thrown, so a bad jar cannot stop the kernel.
 */
public final class SessionExtensions {

    private final StatementRegistry statements;
    private final MagicRegistry magics;
    private final RendererRegistry renderers;
    private final EngineRegistry engines = new EngineRegistry();
    private final Map<String, String> magicOrigins = new HashMap<>();
    private final Set<String> registered = new HashSet<>();

    SessionExtensions(StatementRegistry statements, MagicRegistry magics, RendererRegistry renderers) {
        this.statements = statements;
        this.magics = magics;
        this.renderers = renderers;
    }

    /** Empty registries filled by every extension {@code loader} finds, the built-in one first. */
    public static SessionExtensions discover(ClassLoader loader, List<String> messages) {
        SessionExtensions session = new SessionExtensions(StatementRegistry.builtIn(), new MagicRegistry(),
                new RendererRegistry());
        messages.addAll(session.load(loader));
        return session;
    }

    /**
     * Registries that hold the built-in magics and renderers already ({@code renderers} as given):
     * the built-in extension counts as registered, later discoveries add only other extensions.
     */
    public static SessionExtensions withBuiltIns(RendererRegistry renderers) {
        SessionExtensions session = new SessionExtensions(StatementRegistry.builtIn(), MagicRegistry.withBuiltins(), renderers);
        session.engines.register(new DuckDbEngineProvider(), new BuiltInExtension().name());
        session.registered.add(BuiltInExtension.class.getName());
        return session;
    }

    public MagicRegistry magics() {
        return magics;
    }

    public RendererRegistry renderers() {
        return renderers;
    }

    public EngineRegistry engines() {
        return engines;
    }

    public StatementRegistry statements() {
        return statements;
    }

    /**
     * Registers every extension {@code loader} finds that this session has not registered yet;
     * returns a line per extension saying what it registered, or what went wrong and where.
     */
    public synchronized List<String> load(ClassLoader loader) {
        List<String> messages = new ArrayList<>();
        for (ExtensionDiscovery.Found found : ExtensionDiscovery.find(loader, registered, messages)) {
            String message = register(found);
            if (!(found.extension() instanceof BuiltInExtension) || !message.startsWith("Registered")) {
                messages.add(message); // what Assay itself registers goes without saying
            }
        }
        return messages;
    }

    String register(ExtensionDiscovery.Found found) {
        registered.add(found.extension().getClass().getName());
        String name = found.extension().name();
        Registrar registrar = new Registrar(name);
        try {
            found.extension().register(registrar);
        } catch (RuntimeException | LinkageError e) {
            String done = registrar.added.isEmpty() ? "" : " after registering " + String.join(", ", registrar.added);
            return "Extension " + name + " (" + found.source() + ") failed" + done + ": " + ExtensionDiscovery.describe(e);
        }
        return "Registered extension " + name + " (" + found.source() + "): "
                + (registrar.added.isEmpty() ? "nothing" : String.join(", ", registrar.added));
    }

    /** The {@link Extensions} one extension registers through; it records what it added. */
    private final class Registrar implements Extensions {

        private final String origin;
        private final List<String> added = new ArrayList<>();

        Registrar(String origin) {
            this.origin = origin;
        }

        @Override
        public void statement(StatementType type) {
            // The language holds the built-in statements from the start, without a kernel.
            if (!statements.holds(type)) {
                statements.register(type, origin);
            }
            added.add("statement " + type.keyword());
        }

        @Override
        public void measure(MeasureType type) {
            MeasureSyntax.register(type, origin);
            added.add("measure " + type.name());
        }

        @Override
        public void magic(Magic magic) {
            String written = MagicRegistry.written(magic);
            String earlier = magicOrigins.get(written);
            if (earlier != null || magics.find(written).isPresent()) {
                throw new IllegalArgumentException("magic " + written + " of " + origin + " is registered already by "
                        + (earlier != null ? earlier : "the kernel"));
            }
            magics.register(magic);
            magicOrigins.put(written, origin);
            added.add("magic " + written);
        }

        @Override
        public <T> void renderer(Class<T> type, Renderer<? super T> renderer) {
            renderers.register(type, renderer);
            added.add("renderer for " + type.getSimpleName());
        }

        @Override
        public <T> void fallbackRenderer(Class<T> type, Renderer<? super T> renderer) {
            renderers.registerFallback(type, renderer);
            added.add("fallback renderer for " + type.getSimpleName());
        }

        @Override
        public void engine(EngineProvider provider) {
            engines.register(provider, origin);
            added.add("engine " + provider.name());
        }
    }
}
