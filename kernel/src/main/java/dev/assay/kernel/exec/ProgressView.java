package dev.assay.kernel.exec;

import dev.assay.viz.ProgressBar;

/** Where an operation's progress bar is drawn: a notebook display, a console line, or both. */
interface ProgressView {

    /** The bar appears (the operation has run long enough to be worth one). */
    void show(ProgressBar bar);

    /** The bar changes in place. */
    void update(ProgressBar bar);

    /** The operation is over: the bar's last state stays (how long it took). */
    void finish(ProgressBar bar);

    static ProgressView both(ProgressView first, ProgressView second) {
        return new ProgressView() {
            @Override public void show(ProgressBar bar) { first.show(bar); second.show(bar); }
            @Override public void update(ProgressBar bar) { first.update(bar); second.update(bar); }
            @Override public void finish(ProgressBar bar) { first.finish(bar); second.finish(bar); }
        };
    }
}
