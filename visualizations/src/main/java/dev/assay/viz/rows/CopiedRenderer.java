package dev.assay.viz.rows;

import dev.assay.dsl.workspace.Copied;
import dev.assay.viz.Counts;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;

/** What copy made, in one sentence: where the rows went, how, and whether the dataset moved. */
public final class CopiedRenderer implements Renderer<Copied> {

    @Override
    public MimeBundle render(Copied c) {
        String how = c.via() == null ? "as Arrow batches" : "through Parquet in " + c.via();
        String what = c.moved() ? c.dataset() + ": moved " + Counts.count(c.rows()) + " rows from " + c.from() + " to "
                + c.to() + " (a name is unique in a session, so it is no longer on " + c.from() + ")"
                : c.dataset() + ": a copy of the " + Counts.count(c.rows()) + " rows of " + c.source() + " (" + c.from()
                        + ") on " + c.to();
        return new Sections().line(what + ", " + how).bundle("assay-copy", c.toJson());
    }
}
