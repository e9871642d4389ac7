package dev.assay.kernel.extension;

/**
 * A library's way into Assay: statements, check measures, magics, renderers and SQL engines,
 * registered in one {@link #register} call. An extension is a public class with a public
 * no-argument constructor, named in its jar's
 * {@code META-INF/services/dev.assay.kernel.extension.AssayExtension}; the kernel finds it with
 * {@link java.util.ServiceLoader} at start and again after {@code %classpath add} and
 * {@code %maven}. Assay's own statements, magics, renderers and DuckDB come in the same way
 * ({@link BuiltInExtension}). See docs/architecture.md, "Extensions".
 */
public interface AssayExtension {

    /** How messages name this extension; its class name unless it says otherwise. */
    default String name() {
        return getClass().getName();
    }

    /** Registers what this extension adds; called once per session. */
    void register(Extensions extensions);
}
