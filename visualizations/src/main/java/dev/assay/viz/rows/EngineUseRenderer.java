package dev.assay.viz.rows;

import dev.assay.dsl.workspace.EngineUse;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;

/** Which engine new datasets are made in now, in one sentence. */
public final class EngineUseRenderer implements Renderer<EngineUse> {

    @Override
    public MimeBundle render(EngineUse u) {
        String where = u.location() == null ? "" : " at " + u.location();
        return new Sections().line("using " + u.engine() + where + (u.opened() ? " (opened)" : "")
                + ": new datasets are made there").bundle("assay-use", u.toJson());
    }
}
