package dev.assay.kernel.api;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.viz.RendererRegistry;

/** The executor side of {@link Notebook}: sends displays to the output of the running cell. */
public interface NotebookBackend {

    String display(Object value);

    void updateDisplay(String displayId, Object value);

    void clearOutput(boolean wait);

    RendererRegistry renderers();

    Workspace workspace();

    String readInput(String prompt, boolean password) throws InterruptedException;

    /** Attaches the executor that serves {@link Notebook} calls (one per process). */
    static void attach(NotebookBackend backend) {
        Notebook.backend = backend;
    }
}
