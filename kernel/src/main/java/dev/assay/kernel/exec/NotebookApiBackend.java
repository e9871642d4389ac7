package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.api.NotebookBackend;
import dev.assay.viz.RendererRegistry;
import java.util.UUID;

/**
 * Serves what cell code asks through the {@code assay} object (display, update, clear, input):
 * it goes to the output and the input of the cell running now.
 */
final class NotebookApiBackend implements NotebookBackend {

    private final RendererRegistry renderers;
    private final Workspace workspace;
    private final StreamCapture streams;
    private volatile OutputSink current = OutputSink.DISCARD;
    private volatile InputSource currentInput = InputSource.unavailable("no cell is running");

    NotebookApiBackend(RendererRegistry renderers, Workspace workspace, StreamCapture streams) {
        this.renderers = renderers;
        this.workspace = workspace;
        this.streams = streams;
    }

    /** A cell starts: calls from now on go to its output and input. */
    void cellStarted(OutputSink out, InputSource input) {
        current = out;
        currentInput = input;
    }

    /** Where the running cell's input comes from ({@code System.in} reads it too). */
    InputSource currentInput() {
        return currentInput;
    }

    @Override
    public String display(Object value) {
        String id = UUID.randomUUID().toString();
        current.display(renderers.render(value), id);
        return id;
    }

    @Override
    public void updateDisplay(String displayId, Object value) {
        current.updateDisplay(renderers.render(value), displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        current.clearOutput(wait);
    }

    @Override
    public String readInput(String prompt, boolean password) throws InterruptedException {
        streams.flush(); // the prompt must come after what the cell printed before asking
        return currentInput.readLine(prompt, password);
    }

    @Override
    public RendererRegistry renderers() {
        return renderers;
    }

    @Override
    public Workspace workspace() {
        return workspace;
    }
}
