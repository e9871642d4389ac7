package dev.assay.kernel.extension;

import dev.assay.dsl.check.MeasureType;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.lang.StatementType;
import dev.assay.kernel.exec.magic.Magic;
import dev.assay.viz.Renderer;

/**
 * What an {@link AssayExtension} may register. A statement keyword, a measure name, a magic or
 * an engine name that is taken already is an error naming both extensions; a renderer for a
 * type that has one replaces it (an extension's renderer wins over the built-in one).
 */
public interface Extensions {

    /** A statement of the {@code %%assay} language (parsing, completion, help and running come with it). */
    void statement(StatementType type);

    /** A check measure under its own name ({@code check data: name(col) < 3}). */
    void measure(MeasureType type);

    /** A {@code %name} or {@code %%name} magic. */
    void magic(Magic magic);

    /** How values of {@code type} and its subtypes are shown. */
    <T> void renderer(Class<T> type, Renderer<? super T> renderer);

    /** How a broad family of values (records, maps) is shown when no renderer matches. */
    <T> void fallbackRenderer(Class<T> type, Renderer<? super T> renderer);

    /** A SQL engine users may select by name ({@code --engine NAME}, {@code ASSAY_ENGINE}). */
    void engine(EngineProvider provider);
}
