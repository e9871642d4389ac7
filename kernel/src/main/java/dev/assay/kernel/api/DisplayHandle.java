package dev.assay.kernel.api;

/**
 * What {@link Notebook#display} returns: the id of an output already shown, to update later.
 * A cell ending in {@code display(x)} does not show the handle as its result (IPython does
 * the same): it would only repeat the display.
 */
public final class DisplayHandle {

    private final String id;

    DisplayHandle(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Replaces what this output shows. */
    public void update(Object value) {
        Notebook.updateDisplay(id, value);
    }

    @Override
    public String toString() {
        return id;
    }
}
