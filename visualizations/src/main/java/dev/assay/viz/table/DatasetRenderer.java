package dev.assay.viz.table;

import dev.assay.dsl.workspace.Dataset;
import dev.assay.viz.MimeBundle;
import dev.assay.viz.Renderer;

/** A dataset shows as its first rows, with its name, types and row count. */
public final class DatasetRenderer implements Renderer<Dataset> {

    private final TableRenderer tables = new TableRenderer();

    @Override
    public MimeBundle render(Dataset dataset) {
        return tables.render(dataset.show());
    }
}
