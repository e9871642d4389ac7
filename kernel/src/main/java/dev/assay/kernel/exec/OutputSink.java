package dev.assay.kernel.exec;

import dev.assay.viz.MimeBundle;

/**
 * Where a cell's outputs go. The ZeroMQ kernel publishes them on IOPub; the headless runner
 * writes them into the notebook file. The executor does not know which.
 */
public interface OutputSink {

    /** A cell is about to run with this execution count (the kernel echoes it as execute_input). */
    default void started(int executionCount, String code) {
    }

    void stream(String name, String text);

    /** {@code displayId} may be null; with an id the output can be updated later. */
    void display(MimeBundle bundle, String displayId);

    void updateDisplay(MimeBundle bundle, String displayId);

    void clearOutput(boolean wait);

    void executeResult(int executionCount, MimeBundle bundle);

    void error(CellError error);

    /** A sink that drops everything (silent execution). */
    OutputSink DISCARD = new OutputSink() {
        @Override public void stream(String name, String text) { }
        @Override public void display(MimeBundle bundle, String displayId) { }
        @Override public void updateDisplay(MimeBundle bundle, String displayId) { }
        @Override public void clearOutput(boolean wait) { }
        @Override public void executeResult(int executionCount, MimeBundle bundle) { }
        @Override public void error(CellError error) { }
    };
}
