package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.kernel.extension.SessionExtensions;
import dev.assay.viz.RendererRegistry;

/** What every cell of a session uses: its extensions (magics, renderers), its JShell, its data, its progress bars. */
record CellServices(SessionExtensions extensions, JavaSession java, Workspace workspace, ProgressBars progressBars) {

    MagicRegistry magics() {
        return extensions.magics();
    }

    RendererRegistry renderers() {
        return extensions.renderers();
    }
}
