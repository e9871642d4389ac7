package dev.assay.kernel.exec;

import dev.assay.viz.MimeBundle;

/** Delivers pending stdout/stderr before any other output, so outputs keep the order they were made in. */
final class OrderedSink implements OutputSink {

    private final OutputSink target;
    private final StreamCapture streams;

    OrderedSink(OutputSink target, StreamCapture streams) {
        this.target = target;
        this.streams = streams;
    }

    @Override
    public void stream(String name, String text) {
        streams.flush();
        target.stream(name, text);
    }

    @Override
    public void display(MimeBundle bundle, String displayId) {
        streams.flush();
        target.display(bundle, displayId);
    }

    @Override
    public void updateDisplay(MimeBundle bundle, String displayId) {
        streams.flush();
        target.updateDisplay(bundle, displayId);
    }

    @Override
    public void clearOutput(boolean wait) {
        streams.flush();
        target.clearOutput(wait);
    }

    @Override
    public void executeResult(int executionCount, MimeBundle bundle) {
        streams.flush();
        target.executeResult(executionCount, bundle);
    }

    @Override
    public void error(CellError error) {
        streams.flush();
        target.error(error);
    }
}
