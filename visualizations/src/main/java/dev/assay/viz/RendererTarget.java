package dev.assay.viz;

/** Where renderers are registered: a {@link RendererRegistry}, or an extension's registrar in the kernel. */
public interface RendererTarget {

    /** {@code renderer} for {@code type} and its subtypes; a later registration for the same type wins. */
    <T> void register(Class<T> type, Renderer<? super T> renderer);

    /** A renderer for a broad family of values, asked only when no registration matches. */
    <T> void registerFallback(Class<T> type, Renderer<? super T> renderer);
}
