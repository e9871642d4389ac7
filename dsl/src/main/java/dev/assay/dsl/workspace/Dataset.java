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

    /** The profile of every column: statistics, histograms, top values and findings (three scans). */
    public dev.assay.dsl.profile.Profile profile() {
        return profile(List.of());
    }

    /** The profile of the named columns, in that order; an unknown name is refused with the closest one. */
    public dev.assay.dsl.profile.Profile profile(String... columns) {
        return profile(List.of(columns));
    }

    /** The profile of the named columns, or of every column when none is named. */
    public dev.assay.dsl.profile.Profile profile(List<String> columns) {
        return new dev.assay.dsl.profile.Profiler(workspace.engine())
                .profile(name, columns.isEmpty() ? schema() : columns(columns));
    }

    /** The schema's columns of these names, in the order given; each name must exist (did-you-mean otherwise). */
    public List<Column> columns(List<String> names) {
        List<Column> schema = schema();
        List<String> known = schema.stream().map(Column::name).toList();
        List<Column> chosen = new java.util.ArrayList<>();
        for (String wanted : names) {
            Column column = schema.stream().filter(c -> c.name().equals(wanted)).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("no column '" + wanted + "' in " + name
                            + Suggestions.didYouMean(wanted, known)));
            if (chosen.contains(column)) {
                throw new IllegalArgumentException("column '" + wanted + "' is named twice");
            }
            chosen.add(column);
        }
        return chosen;
    }

    @Override
    public String toString() {
        return "Dataset " + name;
    }
}
