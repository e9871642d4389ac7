package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionRef;

/** One side of a diff: a pinned version ({@code 'label@2'}) or a dataset of the workspace. */
public record DiffSide(String text, boolean pinned) {

    public static DiffSide version(String ref) {
        VersionRef.parse(ref);
        return new DiffSide(ref, true);
    }

    public static DiffSide dataset(String name) {
        return new DiffSide(name, false);
    }

    /** The side as a relation to query on {@code engine}: a pinned version is loaded (and checked) into a scratch table there. */
    Opened open(Workspace workspace, SqlEngine engine) {
        if (!pinned) {
            return new Opened(workspace.dataset(text).name(), text, null);
        }
        return WorkTable.ownedBy(WorkTable.named(engine, "diff"), scratch -> {
            StoredVersion version = new PinLoader(engine, workspace.store()).load(VersionRef.parse(text),
                    scratch.name());
            return new Opened(scratch.name(), version.ref(), scratch);
        });
    }

    /** A side ready to query; closing drops the scratch table of a pinned side. */
    record Opened(String relation, String title, WorkTable scratch) implements AutoCloseable {
        @Override
        public void close() {
            if (scratch != null) {
                scratch.close();
            }
        }
    }
}
