package dev.assay.viz;

/** A value that knows how it wants to be shown; the registry asks it before any renderer. */
public interface Displayable {
    MimeBundle toMimeBundle();
}
