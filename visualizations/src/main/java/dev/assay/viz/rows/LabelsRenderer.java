package dev.assay.viz.rows;

import dev.assay.dsl.labels.Labels;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.Locale;

/** Labels: the classes, the conflicting groups and the columns that tell the label. */
public final class LabelsRenderer implements Renderer<Labels> {

    @Override
    public MimeBundle render(Labels l) {
        Sections s = new Sections();
        s.line(String.format(Locale.ROOT, "Labels of %s on %s: %s classes over %s labelled rows (%s without a label)",
                l.dataset(), l.label(), Counts.count(l.classes().classes().size()), Counts.count(l.classes().labelledRows()),
                Counts.count(l.classes().missingLabels())));
        return s.bundle("assay-labels", l.toJson());
    }
}
