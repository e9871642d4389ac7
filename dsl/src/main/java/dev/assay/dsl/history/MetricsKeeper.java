package dev.assay.dsl.history;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import dev.assay.dsl.profile.PhoneRegions;
import dev.assay.dsl.profile.Profiler;
import dev.assay.dsl.store.ContentMetrics;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.PinLoader;
import dev.assay.dsl.store.StoreException;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.store.VersionStore;
import java.util.Optional;

/**
 * The metrics of pinned versions: those the store keeps, or, for a version pinned before
 * metrics were kept (or whose metrics file was damaged), computed once from its snapshot on
 * {@code engine} and kept, so the next reader finds them.
 */
public final class MetricsKeeper {

    private final SqlEngine engine;
    private final VersionStore store;

    public MetricsKeeper(SqlEngine engine, VersionStore store) {
        this.engine = engine;
        this.store = store;
    }

    /** What a pin keeps: the metrics of a relation's rows, profiled on {@code engine}. */
    public static ContentMetrics computedOn(SqlEngine engine) {
        return new ContentMetrics() {
            @Override
            public byte[] of(String relation, Fingerprint fingerprint) {
                return profiled(engine, relation, fingerprint).bytes();
            }

            @Override
            public boolean readable(Fingerprint fingerprint, byte[] kept) {
                return read(fingerprint, kept, "").isPresent();
            }
        };
    }

    /** The metrics of {@code version}, computed from its snapshot and kept when the store has none. */
    public VersionMetrics of(StoredVersion version) {
        Fingerprint fingerprint = version.fingerprint();
        Optional<VersionMetrics> kept = kept(fingerprint);
        if (kept.isPresent()) {
            return kept.get();
        }
        VersionMetrics computed;
        try (WorkTable scratch = WorkTable.named(engine, "metrics")) {
            new PinLoader(engine, store).load(version, scratch.name());
            computed = profiled(engine, scratch.name(), fingerprint);
        }
        return store.write(engine::isCancelled, writer -> {
            Optional<VersionMetrics> meanwhile = kept(fingerprint); // another kernel may have kept them
            if (meanwhile.isPresent()) {
                return meanwhile.get();
            }
            writer.keepMetrics(fingerprint, computed.bytes());
            return computed;
        });
    }

    /** Every column profiled, phone numbers looked for in the default regions (as {@code profile} does). */
    private static VersionMetrics profiled(SqlEngine engine, String relation, Fingerprint fingerprint) {
        return VersionMetrics.of(fingerprint, new Profiler(engine, PhoneRegions.defaults())
                .profile(relation, engine.schema(relation)));
    }

    /** The kept metrics; a damaged file counts as none (it is recomputed and replaced). */
    private Optional<VersionMetrics> kept(Fingerprint fingerprint) {
        return store.metrics(fingerprint).flatMap(bytes -> read(fingerprint, bytes, store.metricsFile(fingerprint).toString()));
    }

    /** The metrics in {@code bytes}; empty when they are not complete metrics of that content. */
    private static Optional<VersionMetrics> read(Fingerprint fingerprint, byte[] bytes, String fileName) {
        try {
            return Optional.of(VersionMetrics.read(fingerprint, bytes, fileName));
        } catch (StoreException e) {
            return Optional.empty();
        }
    }
}
