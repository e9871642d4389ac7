package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.store.Provenance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The provenance of each dataset of a workspace, as its statements made them. An entry holds
 * the identity of the relation it describes (its engine and the engine's id of it), so a
 * dataset dropped and made again by SQL Assay did not see, or moved to another engine by means
 * other than {@code copy}, does not inherit the old one's lineage.
 */
final class Lineage {

    /** A relation as one engine identifies it (see {@link SqlEngine#relationId}). */
    record Identity(SqlEngine engine, long relationId) {
    }

    private record Entry(Identity identity, Provenance provenance) {
    }

    private final Function<String, Optional<Identity>> identities;
    private final Map<String, Entry> entries = new HashMap<>();

    Lineage(Function<String, Optional<Identity>> identities) {
        this.identities = identities;
    }

    void record(String relation, Provenance provenance) {
        Optional<Identity> id = identities.apply(relation);
        if (id.isPresent()) {
            entries.put(relation, new Entry(id.get(), provenance));
        } else {
            entries.remove(relation);
        }
    }

    Provenance of(String relation) {
        Entry entry = entries.get(relation);
        if (entry == null) {
            return Provenance.UNKNOWN;
        }
        Optional<Identity> id = identities.apply(relation);
        return id.isPresent() && id.get().equals(entry.identity()) ? entry.provenance() : Provenance.UNKNOWN;
    }

    /** The identity of the relation {@code relation} names now; empty when there is none. */
    Optional<Identity> identity(String relation) {
        return identities.apply(relation);
    }

    /**
     * The provenance of what a statement reading {@code sources} makes. Ask before running it:
     * the statement may replace one of its sources ({@code raw = dedup raw}).
     */
    Provenance derived(List<String> sources, String operation) {
        return Provenance.derived(sources.stream().map(this::of).toList(), operation);
    }
}
