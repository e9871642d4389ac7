package dev.assay.kernel.exec.magic;

import dev.assay.kernel.exec.CellContext;
import dev.assay.kernel.exec.CellError;

/** A {@code %name} line magic or a {@code %%name} cell magic. */
public interface Magic {

    String name();

    /** One line for %lsmagic. */
    String help();

    boolean isCellMagic();

    /**
     * Runs the magic. {@code body} is the rest of the cell for a cell magic and null for a
     * line magic. Returns the error to show, or null when it succeeded.
     */
    CellError run(String args, String body, CellContext context) throws Exception;
}
