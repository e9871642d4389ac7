package dev.assay.kernel.cli;

import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.extension.ExtensionDiscovery;
import dev.assay.kernel.extension.SessionExtensions;
import dev.assay.kernel.install.SparkJvmFlags;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * How both front doors (the kernel and {@code assay run}) begin a session: the extensions on
 * the class path, and the engine the user selected among those they registered.
 */
final class SessionStart {

    private SessionStart() {
    }

    /** Every extension on the kernel's class path; what went wrong (and what extensions added) goes to {@code log}. */
    static SessionExtensions extensions(PrintStream log) {
        List<String> messages = new ArrayList<>();
        SessionExtensions extensions = SessionExtensions.discover(SessionStart.class.getClassLoader(), messages);
        messages.forEach(m -> log.println("assay: " + m));
        return extensions;
    }

    /**
     * The engine of {@code --engine} (when given), else of {@code ASSAY_ENGINE}, else DuckDB;
     * an unknown name is an {@link IllegalArgumentException} listing the known ones.
     */
    static EngineProvider engine(SessionExtensions extensions, String option) {
        return extensions.engines().select(EngineRegistry.selectedName(option, System.getenv()));
    }

    /**
     * The session's workspace, starting on {@code provider}'s engine; an engine that cannot open (a Spark
     * server not reached, a JVM without Spark's flags) is an {@link IllegalStateException} saying
     * which engine, why, and for missing flags how to start the kernel with them.
     */
    static Workspace workspace(EngineRegistry engines, EngineProvider provider) {
        try {
            // The session's live registry: an engine an extension adds later can still be chosen with use.
            return Workspace.on(engines, provider.name());
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("cannot open engine " + provider.name() + ": "
                    + SparkJvmFlags.explain(e).orElseGet(() -> ExtensionDiscovery.describe(e)), e);
        }
    }
}
