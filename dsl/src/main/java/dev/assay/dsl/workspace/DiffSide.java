package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionRef;
import java.util.UUID;

/** One side of a diff: a pinned version ({@code 'label@2'}) or a dataset of the workspace. */
public record DiffSide(String text, boolean pinned) {

    public static DiffSide version(String ref) {
        VersionRef.parse(ref);
        return new DiffSide(ref, true);
    }

    public static DiffSide dataset(String name) {
        return new DiffSide(name, false);
    }

    /** The side as a relation to query: a pinned version is loaded (and checked) into a scratch table. */
    Opened open(Workspace workspace) {
        if (!pinned) {
            return new Opened(workspace.dataset(text).name(), text, null);
        }
        SqlEngine engine = workspace.engine();
        String scratch = SqlEngine.WORK_PREFIX + "diff_" + UUID.randomUUID().toString().replace("-", "");
        StoredVersion version = new PinLoader(engine, workspace.store()).load(VersionRef.parse(text), scratch);
        return new Opened(scratch, version.ref(), engine);
    }

    /** A side ready to query; closing drops the scratch table of a pinned side. */
    record Opened(String relation, String title, SqlEngine scratchOwner) implements AutoCloseable {
        @Override
        public void close() {
            if (scratchOwner != null) {
                scratchOwner.run("DROP TABLE IF EXISTS " + scratchOwner.quoteIdentifier(relation), null, 0);
            }
        }
    }
}
