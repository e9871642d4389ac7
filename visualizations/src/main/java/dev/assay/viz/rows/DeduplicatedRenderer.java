package dev.assay.viz.rows;

import dev.assay.viz.Counts;
import dev.assay.dsl.duplicates.Deduplicated;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;
import java.util.Locale;

/** What dedup kept and removed, in one sentence. */
public final class DeduplicatedRenderer implements Renderer<Deduplicated> {

    @Override
    public MimeBundle render(Deduplicated d) {
        String how = d.near() != null ? "near duplicates (Jaccard >= " + d.near() + ") of " + String.join(", ", d.on())
                : "duplicates on " + String.join(", ", d.on()) + (d.normalize() ? ", normalized" : "");
        return new Sections().line(String.format(Locale.ROOT, "%s: kept %s of the %s rows of %s, removing %s %s (%s)",
                d.dataset(), Counts.count(d.rows()), Counts.count(d.sourceRows()), d.source(), Counts.count(d.removed()),
                how, Counts.percent(d.removed(), d.sourceRows()))).bundle("assay-dedup", d.toJson());
    }
}
