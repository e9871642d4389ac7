package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.TablePreview;
import java.util.List;

/**
 * A named dataset of a workspace: a table or view inside the engine. The object holds only
 * the name; every method asks the engine, so no rows live in the Java heap.
 */
public final class Dataset {

    private final Workspace workspace;
    private final String name;

    Dataset(Workspace workspace, String name) {
        this.workspace = workspace;
        this.name = name;
    }

    public String name() {
        return name;
    }

    public long count() {
        return workspace.engine().count(name);
    }

    public List<Column> schema() {
        return workspace.engine().schema(name);
    }

    /** The first {@code rows} rows and the total row count, for showing. */
    public TablePreview show(int rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("show takes a row count of 0 or more, got " + rows);
        }
        return workspace.engine().preview(name, rows);
    }

    public TablePreview show() {
        return show(Workspace.PREVIEW_ROWS);
    }

    /**
     * All rows as Arrow batches of at most {@code batchRows} rows, streamed from the engine
     * through the Arrow C interface; close the reader when done.
     */
    public org.apache.arrow.vector.ipc.ArrowReader arrowBatches(int batchRows) {
        return workspace.engine().arrowBatches(name, batchRows);
    }

    @Override
    public String toString() {
        return "Dataset " + name;
    }
}
