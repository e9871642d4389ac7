package dev.assay.kernel.api;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.RendererRegistry;

/**
 * What a Java cell can ask of the notebook. Every cell has these imported statically, so a
 * cell writes {@code display(chart)} or {@code updateDisplay(id, progress)}.
 */
public final class Notebook {

    static volatile NotebookBackend backend;

    private Notebook() {
    }

    /** Shows a value now (not only as the cell's result); the handle can update it later. */
    public static DisplayHandle display(Object value) {
        return new DisplayHandle(backend().display(value));
    }

    /** Replaces what an earlier {@link #display} with this id shows. */
    public static void updateDisplay(String displayId, Object value) {
        backend().updateDisplay(displayId, value);
    }

    public static void updateDisplay(DisplayHandle handle, Object value) {
        backend().updateDisplay(handle.id(), value);
    }

    /** Clears the cell's output now. */
    public static void clearOutput() {
        backend().clearOutput(false);
    }

    /** Clears the cell's output; with {@code wait}, only when the next output arrives (no flicker). */
    public static void clearOutput(boolean wait) {
        backend().clearOutput(wait);
    }

    /** Asks the user for a line of text (Jupyter shows an input box). */
    public static String input(String prompt) throws InterruptedException {
        return backend().readInput(prompt, false);
    }

    /** Asks the user for a secret; the front end hides what is typed. */
    public static String password(String prompt) throws InterruptedException {
        return backend().readInput(prompt, true);
    }

    /**
     * The session's data workspace, also the predefined variable {@code assay} of every
     * session: {@code assay.dataset("name")}, {@code assay.query(sql, "name")}.
     */
    public static Workspace workspace() {
        return backend().workspace();
    }

    /** The registry that turns values into what the notebook shows; register renderers for your types. */
    public static RendererRegistry renderers() {
        return backend().renderers();
    }

    private static NotebookBackend backend() {
        NotebookBackend b = backend;
        if (b == null) {
            throw new IllegalStateException("no notebook is attached: display() works inside an Assay cell");
        }
        return b;
    }
}
