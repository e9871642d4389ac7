package dev.assay.viz;

/** Turns a value of one type into a MIME bundle. */
@FunctionalInterface
public interface Renderer<T> {
    MimeBundle render(T value);
}
