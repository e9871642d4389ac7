package dev.assay.dsl.workspace;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.store.Provenance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The provenance of each dataset of a workspace, as its statements made them. An entry holds
 * the engine's identity of the relation it describes, so a dataset dropped and made again by
 * SQL Assay did not see does not inherit the old one's lineage.
 */
final class Lineage {

    private record Entry(long relationId, Provenance provenance) {
    }

    private final SqlEngine engine;
    private final Map<String, Entry> entries = new HashMap<>();

    Lineage(SqlEngine engine) {
        this.engine = engine;
    }

    void record(String relation, Provenance provenance) {
        OptionalLong id = engine.relationId(relation);
        if (id.isPresent()) {
            entries.put(relation, new Entry(id.getAsLong(), provenance));
        } else {
            entries.remove(relation);
        }
    }

    Provenance of(String relation) {
        Entry entry = entries.get(relation);
        if (entry == null) {
            return Provenance.UNKNOWN;
        }
        OptionalLong id = engine.relationId(relation);
        return id.isPresent() && id.getAsLong() == entry.relationId() ? entry.provenance() : Provenance.UNKNOWN;
    }

    /**
     * The provenance of what a statement reading {@code sources} makes. Ask before running it:
     * the statement may replace one of its sources ({@code raw = dedup raw}).
     */
    Provenance derived(List<String> sources, String operation) {
        return Provenance.derived(sources.stream().map(this::of).toList(), operation);
    }
}
