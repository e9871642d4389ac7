package dev.assay.kernel.exec;

import dev.assay.viz.ProgressBar;
import java.util.UUID;

/**
 * The bar as a display of the cell, updated in place by its display id: Jupyter clients get
 * display_data then update_display_data; a headless run keeps the last state in the notebook.
 */
final class DisplayProgressView implements ProgressView {

    private final OutputSink out;
    private final String displayId = "assay-progress-" + UUID.randomUUID();

    DisplayProgressView(OutputSink out) {
        this.out = out;
    }

    @Override
    public void show(ProgressBar bar) {
        out.display(bar.toMimeBundle(), displayId);
    }

    @Override
    public void update(ProgressBar bar) {
        out.updateDisplay(bar.toMimeBundle(), displayId);
    }

    @Override
    public void finish(ProgressBar bar) {
        update(bar);
    }
}
