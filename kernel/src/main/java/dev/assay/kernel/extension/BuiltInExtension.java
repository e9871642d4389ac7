package dev.assay.kernel.extension;

import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.statements.BuiltInStatements;
import dev.assay.kernel.exec.magic.BuiltInMagics;
import dev.assay.viz.BuiltInRenderers;
import dev.assay.viz.Renderer;
import dev.assay.viz.RendererTarget;

/**
 * What Assay comes with, registered as any extension registers (and listed in this jar's
 * service file): the statements, the magics, the renderers and the DuckDB engine. It is always
 * registered first, so other extensions' renderers replace its ones. The built-in check
 * measures are the sealed {@code Measure}'s own records and need no registration.
 */
public final class BuiltInExtension implements AssayExtension {

    @Override
    public String name() {
        return "Assay (built in)";
    }

    @Override
    public void register(Extensions extensions) {
        BuiltInStatements.all().forEach(extensions::statement);
        BuiltInMagics.all().forEach(extensions::magic);
        BuiltInRenderers.registerInto(new RendererTarget() {
            @Override
            public <T> void register(Class<T> type, Renderer<? super T> renderer) {
                extensions.renderer(type, renderer);
            }

            @Override
            public <T> void registerFallback(Class<T> type, Renderer<? super T> renderer) {
                extensions.fallbackRenderer(type, renderer);
            }
        });
        extensions.engine(new DuckDbEngineProvider());
    }
}
