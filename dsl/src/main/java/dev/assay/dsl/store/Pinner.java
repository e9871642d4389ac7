package dev.assay.dsl.store;

import dev.assay.dsl.engine.SqlEngine;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Pins a relation under a label: fingerprints it and computes its metrics when the store has
 * none for that content (outside the lock: they read only the engine), then, as the store's
 * only writer, keeps the metrics, and returns the latest version when its content is the same,
 * or writes a Parquet snapshot aside, moves it into place and records the next version.
 */
public final class Pinner {

    private final SqlEngine engine;
    private final VersionStore store;
    private final ContentMetrics metrics;

    public Pinner(SqlEngine engine, VersionStore store, ContentMetrics metrics) {
        this.engine = engine;
        this.store = store;
        this.metrics = metrics;
    }

    public Pinned pin(String relation, String label, Provenance provenance) {
        VersionRef.checkLabel(label);
        Content content = new Fingerprinter(engine).of(relation);
        // Computed outside the lock too (a profile reads every row); content seen before has its metrics.
        byte[] computed = hasMetrics(content.fingerprint()) ? null : metrics.of(relation, content.fingerprint());
        return store.write(engine::isCancelled, writer -> {
            List<StoredVersion> versions = store.versions(label);
            // Before the label file: a version is never recorded without its metrics.
            if (computed != null && !hasMetrics(content.fingerprint())) {
                writer.keepMetrics(content.fingerprint(), computed);
            }
            if (!versions.isEmpty() && versions.get(versions.size() - 1).fingerprint().equals(content.fingerprint())) {
                return new Pinned(relation, versions.get(versions.size() - 1), false);
            }
            VersionStore.Snapshot snapshot = writer.existingSnapshot(content.fingerprint())
                    .orElseGet(() -> writeSnapshot(relation, content.fingerprint(), writer));
            StoredVersion version = new StoredVersion(label, versions.size() + 1, content.fingerprint(), content.rows(),
                    content.schema(), Instant.now().truncatedTo(ChronoUnit.MILLIS), provenance.operations(),
                    provenance.parents(), snapshot.sha256(), snapshot.bytes());
            writer.append(version);
            return new Pinned(relation, version, true);
        });
    }

    /** Whether the store keeps readable metrics of that content (a damaged file is replaced, not kept). */
    private boolean hasMetrics(Fingerprint fingerprint) {
        return store.metrics(fingerprint).filter(bytes -> metrics.readable(fingerprint, bytes)).isPresent();
    }

    private VersionStore.Snapshot writeSnapshot(String relation, Fingerprint fingerprint, VersionStore.Writer writer) {
        Path aside = writer.newFile(".parquet");
        engine.writeParquet(relation, aside);
        return writer.keepSnapshot(aside, fingerprint);
    }
}
