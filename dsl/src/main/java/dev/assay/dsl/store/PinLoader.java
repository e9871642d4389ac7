package dev.assay.dsl.store;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.engine.StagedTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Loads a pinned version as a table, checked: the snapshot's bytes must be those written when
 * it was pinned; if they are not, its content is fingerprinted and must match the pin. The rows
 * are read into a scratch table and only renamed to the target once checked, so a failed load
 * leaves the target as it was.
 */
public final class PinLoader {

    private final SqlEngine engine;
    private final VersionStore store;

    public PinLoader(SqlEngine engine, VersionStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** The version loaded as table {@code target}. */
    public StoredVersion load(VersionRef ref, String target) {
        return load(store.resolve(ref), target);
    }

    /** {@code version} (a version of this store) loaded as table {@code target}. */
    public StoredVersion load(StoredVersion version, String target) {
        Path file = store.snapshotFile(version.fingerprint());
        if (!Files.isRegularFile(file)) {
            throw new StoreException("the snapshot of " + version.ref() + " is missing: expected " + file
                    + " with fingerprint " + version.fingerprint());
        }
        String bytesSha;
        try {
            bytesSha = VersionStore.fileSha256(file);
        } catch (IOException e) {
            throw new StoreException("cannot read the snapshot of " + version.ref() + " (" + file + "): " + e.getMessage(), e);
        }
        try (StagedTables staged = StagedTables.of(engine, target)) {
            String scratch = staged.aside(target);
            read(version, file, scratch);
            if (!bytesSha.equals(version.snapshotSha256())) {
                Fingerprint actual = new Fingerprinter(engine).of(scratch).fingerprint();
                if (!actual.equals(version.fingerprint())) {
                    throw mismatch(version, file, "found " + actual);
                }
            }
            staged.commit();
            return version;
        }
    }

    /** The snapshot's columns cast back to the pinned types (Parquet has no ENUM, for one). */
    private void read(StoredVersion version, Path file, String scratch) {
        try {
            engine.loadParquet(scratch, file, version.schema());
        } catch (SqlException e) {
            throw mismatch(version, file, "the file cannot be read as " + version.schema().stream().map(Column::name)
                    .collect(Collectors.joining(", ")) + " (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    private static StoreException mismatch(StoredVersion version, Path file, String found) {
        return new StoreException("the snapshot of " + version.ref() + " does not match its pin: expected "
                + version.fingerprint() + ", " + found + " (" + file + " was changed after it was written)");
    }
}
