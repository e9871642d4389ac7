package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.store.GcReport;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.Locale;

/** What gc removed from a store. */
public final class GcReportRenderer implements Renderer<GcReport> {

    @Override
    public MimeBundle render(GcReport gc) {
        Sections s = new Sections();
        s.line(String.format(Locale.ROOT, "gc of %s: removed %d unreferenced %s (%s bytes); %d kept", gc.store(),
                gc.removed().size(), gc.removed().size() == 1 ? "snapshot" : "snapshots", Counts.count(gc.freedBytes()),
                gc.kept()));
        if (!gc.removedMetrics().isEmpty() || !gc.removedChecks().isEmpty()) {
            s.line(String.format(Locale.ROOT, "also removed the metrics of %d and the check records of %d content(s) no version refers to",
                    gc.removedMetrics().size(), gc.removedChecks().size()));
        }
        return s.bundle("assay-gc", gc.toJson());
    }
}
