package dev.assay.viz.page.notebook;

import java.util.List;
import java.util.Objects;

/**
 * An executed notebook as the HTML page needs it, free of any JSON library: whoever reads the
 * {@code .ipynb} file (the kernel) builds this, and {@link NotebookPage} turns it into a page.
 *
 * @param name   what the page calls it, usually the file name
 * @param kernel the kernel's display name, or null when the notebook does not say
 * @param cells  every cell, in order
 */
public record Notebook(String name, String kernel, List<Cell> cells) {

    public Notebook {
        Objects.requireNonNull(name, "name");
        cells = List.copyOf(cells);
    }
}
