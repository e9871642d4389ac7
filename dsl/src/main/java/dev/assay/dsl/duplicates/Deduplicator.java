package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.StagedTables;
import dev.assay.dsl.engine.WorkTable;

/**
 * {@code dedup}: a new dataset with the first row (in the source's order) of each exact
 * group, or of each near-duplicate cluster, in the source's order. Rows whose text is NULL
 * take no part in near duplicates and are all kept.
 */
public final class Deduplicator {

    private final SqlEngine engine;

    public Deduplicator(SqlEngine engine) {
        this.engine = engine;
    }

    public Deduplicated dedup(String dataset, ResolvedMatch match, String target) {
        try (OrderedSource source = OrderedSource.of(engine, dataset, target.equals(dataset));
             StagedTables staged = StagedTables.of(engine, target)) {
            String aside = staged.aside(target);
            long before = engine.count(dataset);
            String ord = source.ordinal();
            if (match.isNear()) {
                DuplicateFinder finder = new DuplicateFinder(engine);
                String column = match.text().name();
                try (WorkTable docs = NearDocs.of(engine, source, column);
                     WorkTable clusters = finder.clusters(docs, LshBanding.forThreshold(match.near()), match.near())) {
                    keep(aside, source, engine.quoteIdentifier(column) + " IS NULL OR " + ord + " IN (SELECT min(d.first_ord) FROM "
                            + docs.quoted() + " d LEFT JOIN " + clusters.quoted() + " c ON c.doc = d.doc GROUP BY " + DuplicateFinder.clusterOf("c", "d") + ")");
                }
            } else {
                keep(aside, source, ord + " IN (SELECT min(ord) FROM (SELECT " + ord + " AS ord, "
                        + match.selectList(engine.dialect(), null) + " FROM " + source.table() + ") GROUP BY " + match.keyNames() + ")");
            }
            long after = engine.count(aside);
            staged.commit();
            return new Deduplicated(target, dataset, before, after, match.names(),
                    match.normalize(), match.near());
        }
    }

    private void keep(String target, OrderedSource source, String condition) {
        engine.materialize(target, "SELECT * FROM " + source.table() + " WHERE " + condition + " ORDER BY "
                + source.ordinal());
    }
}
