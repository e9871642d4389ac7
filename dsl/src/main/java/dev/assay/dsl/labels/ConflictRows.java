package dev.assay.dsl.labels;

import dev.assay.dsl.duplicates.DuplicateFinder;
import dev.assay.dsl.duplicates.NearDocs;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The rows of every conflict group, as a scratch table {@code ord, lab, first_ord}: each
 * labelled row whose group (equal features, or with {@code near} one near-duplicate cluster of
 * texts) holds more than one label, with its label and its group's first row, which names the
 * group. A grouping by the features joined back to the rows: no row goes to Java, and only
 * the rows in conflict are stored.
 */
final class ConflictRows implements AutoCloseable {

    private final WorkTable rows;
    private final WorkTable docs;
    private final WorkTable clusters;

    private ConflictRows(WorkTable rows, WorkTable docs, WorkTable clusters) {
        this.rows = rows;
        this.docs = docs;
        this.clusters = clusters;
    }

    static ConflictRows of(SqlEngine engine, OrderedSource source, Column label, ResolvedMatch features) {
        if (!features.isNear()) {
            return new ConflictRows(grouped(engine, "SELECT " + source.ordinal() + " AS ord, "
                    + engine.quoteIdentifier(label.name()) + " AS lab, " + features.selectList(engine.dialect(), null)
                    + " FROM " + source.table() + " WHERE " + engine.quoteIdentifier(label.name()) + " IS NOT NULL",
                    features.keyNames()), null, null);
        }
        // Near: a row's key is its text's cluster, found as duplicates ... near finds it (over all rows).
        WorkTable docs = NearDocs.of(engine, source, features.text().name());
        WorkTable clusters = null;
        try {
            clusters = new DuplicateFinder(engine).clusters(docs, features.near());
            String text = engine.dialect().normalizeText("s." + engine.quoteIdentifier(features.text().name()));
            String lab = "s." + engine.quoteIdentifier(label.name());
            String keyed = "SELECT s." + source.ordinal() + " AS ord, " + lab + " AS lab, "
                    + DuplicateFinder.clusterOf("c", "d") + " AS k0 FROM " + source.table() + " s JOIN " + docs.quoted()
                    + " d ON d.text = " + text + " LEFT JOIN " + clusters.quoted() + " c ON c.doc = d.doc WHERE " + lab
                    + " IS NOT NULL";
            return new ConflictRows(grouped(engine, keyed, "k0"), docs, clusters);
        } catch (RuntimeException e) {
            if (clusters != null) {
                clusters.close();
            }
            docs.close();
            throw e;
        }
    }

    /**
     * The rows of {@code keyed} ({@code ord, lab, keys...}) whose group by {@code keys} has two
     * labels or more. The groups are a GROUP BY (partial aggregates, so a group of most rows is
     * not one task on Spark, as a window partitioned by the keys would be) joined back to the
     * rows on equal keys, NULL equal to NULL as GROUP BY has it.
     */
    private static WorkTable grouped(SqlEngine engine, String keyed, String keys) {
        String on = Arrays.stream(keys.split(", ")).map(k -> "r." + k + " IS NOT DISTINCT FROM g." + k)
                .collect(Collectors.joining(" AND "));
        // Labels are not NULL here, so the smallest and largest differ exactly when the group has two or more.
        String groups = "SELECT " + keys + ", min(ord) AS first_ord FROM (" + keyed + ") GROUP BY " + keys
                + " HAVING min(lab) <> max(lab)";
        return WorkTable.of(engine, "conflict_rows", "SELECT r.ord, r.lab, g.first_ord FROM (" + keyed + ") AS r JOIN ("
                + groups + ") AS g ON " + on);
    }

    /** The table, quoted: {@code ord} (the row's position), {@code lab} (its label), {@code first_ord} (its group's first row). */
    String quoted() {
        return rows.quoted();
    }

    /** One row per group: {@code first_ord} and {@code n}, its rows. */
    String groups() {
        return "SELECT first_ord, count(*) AS n FROM " + rows.quoted() + " GROUP BY first_ord";
    }

    @Override
    public void close() {
        rows.close();
        if (clusters != null) {
            clusters.close();
        }
        if (docs != null) {
            docs.close();
        }
    }
}
