package dev.assay.kernel.exec;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.magic.MagicRegistry;
import dev.assay.viz.RendererRegistry;

/** What every cell of a session uses: its magics, its JShell, its renderers, its data, its progress bars. */
record CellServices(MagicRegistry magics, JavaSession java, RendererRegistry renderers, Workspace workspace,
        ProgressBars progressBars) {
}
