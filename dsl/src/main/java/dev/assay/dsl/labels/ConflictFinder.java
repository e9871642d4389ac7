package dev.assay.dsl.labels;

import dev.assay.dsl.duplicates.DuplicateFinder;
import dev.assay.dsl.duplicates.LargestGroups;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.RankedRows;
import dev.assay.dsl.engine.Ranking;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.StagedTables;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Groups of labelled rows with equal features (as {@code duplicates} compares them, with
 * {@code normalize} and {@code near}) whose labels differ. The groups are found in the engine
 * ({@link ConflictRows}); only the few largest groups' counts and examples come to Java.
 */
public final class ConflictFinder {

    /** How many of the largest groups a result shows. */
    static final int LARGEST = 10;
    /** Example rows shown per group. */
    static final int EXAMPLES = 5;
    /** The columns added to the rows of {@link #materialize}. */
    static final String GROUP_COLUMN = "conflict_group";
    static final String MAJORITY_COLUMN = "majority_label";

    private final SqlEngine engine;

    public ConflictFinder(SqlEngine engine) {
        this.engine = engine;
    }

    public LabelConflicts find(String relation, Column label, ResolvedMatch features) {
        try (OrderedSource source = OrderedSource.of(engine, relation);
             ConflictRows rows = ConflictRows.of(engine, source, label, features)) {
            LargestGroups.Summary summary = LargestGroups.of(engine, rows.groups(),
                    List.of("count(*)", "CAST(coalesce(sum(n), 0) AS BIGINT)"), List.of("first_ord", "n"), null, "n",
                    "first_ord", LARGEST);
            List<Long> firsts = LargestGroups.column(summary, 0);
            List<Long> sizes = LargestGroups.column(summary, 1);
            // With near, the conflict is over the text alone.
            List<String> by = features.isNear() ? List.of(features.text().name()) : features.names();
            return new LabelConflicts(by, features.normalize(), features.near(),
                    ((Number) summary.totals().get(0)).longValue(), ((Number) summary.totals().get(1)).longValue(),
                    largest(source, rows, features, firsts, sizes));
        }
    }

    /** The groups whose first rows and sizes are given (largest first), in detail. */
    private List<LabelConflicts.ConflictGroup> largest(OrderedSource source, ConflictRows rows, ResolvedMatch features,
                                                       List<Long> firsts, List<Long> sizes) {
        if (firsts.isEmpty()) {
            return List.of();
        }
        String in = " IN (" + String.join(", ", firsts.stream().map(String::valueOf).toList()) + ")";
        Map<Long, List<LabelClass>> labels = labelCounts(rows, in, firsts, sizes);
        Map<Long, List<LabelConflicts.Example>> examples = examples(source, rows, features, in);
        DuplicateFinder finder = new DuplicateFinder(engine);
        List<String> shown = shownFeatures(features);
        Map<Long, List<Object>> values = finder.rowsAt(source, shown, firsts);
        List<LabelConflicts.ConflictGroup> out = new ArrayList<>();
        for (int g = 0; g < firsts.size(); g++) {
            long first = firsts.get(g);
            Map<String, Object> named = new LinkedHashMap<>();
            for (int i = 0; i < shown.size(); i++) {
                named.put(shown.get(i), values.get(first).get(i));
            }
            List<LabelClass> counts = labels.get(first);
            out.add(new LabelConflicts.ConflictGroup(g + 1, sizes.get(g), counts.get(0).value(), counts, named,
                    examples.get(first)));
        }
        return out;
    }

    /** The feature columns a group shows: the text for near groups, else the first {@link LabelConflicts#FEATURES_SHOWN}. */
    private static List<String> shownFeatures(ResolvedMatch features) {
        if (features.isNear()) {
            return List.of(features.text().name());
        }
        List<String> names = features.names();
        return names.subList(0, Math.min(names.size(), LabelConflicts.FEATURES_SHOWN));
    }

    /** Each group's label counts, largest first, ties by the smaller value: the first is the majority label. */
    private Map<Long, List<LabelClass>> labelCounts(ConflictRows rows, String in, List<Long> firsts, List<Long> sizes) {
        Map<Long, List<Object[]>> counted = new LinkedHashMap<>();
        for (List<Object> row : engine.smallResult("SELECT first_ord, lab, count(*) FROM " + rows.quoted()
                + " WHERE first_ord" + in + " GROUP BY first_ord, lab")) {
            counted.computeIfAbsent(((Number) row.get(0)).longValue(), k -> new ArrayList<>())
                    .add(new Object[] {row.get(1), ((Number) row.get(2)).longValue()});
        }
        Map<Long, List<LabelClass>> out = new LinkedHashMap<>();
        for (int g = 0; g < firsts.size(); g++) {
            double size = sizes.get(g);
            out.put(firsts.get(g), counted.get(firsts.get(g)).stream()
                    .sorted(Comparator.<Object[]>comparingLong(c -> -(Long) c[1]).thenComparing(c -> c[0], ClassCounter::compareValues))
                    .map(c -> new LabelClass(c[0], (Long) c[1], (Long) c[1] / size)).toList());
        }
        return out;
    }

    /** The first {@link #EXAMPLES} rows of each group: position, label, and for near groups the text as written. */
    private Map<Long, List<LabelConflicts.Example>> examples(OrderedSource source, ConflictRows rows, ResolvedMatch features,
                                                            String in) {
        List<List<Object>> picked = engine.smallResult("SELECT first_ord, ord, lab FROM (SELECT first_ord, ord, lab, "
                + "row_number() OVER (PARTITION BY first_ord ORDER BY ord) AS k FROM " + rows.quoted() + " WHERE first_ord"
                + in + ") WHERE k <= " + EXAMPLES + " ORDER BY first_ord, ord");
        Map<Long, List<Object>> texts = Map.of();
        if (features.isNear()) {
            texts = new DuplicateFinder(engine).rowsAt(source, List.of(features.text().name()),
                    picked.stream().map(r -> ((Number) r.get(1)).longValue()).toList());
        }
        Map<Long, List<LabelConflicts.Example>> out = new LinkedHashMap<>();
        for (List<Object> row : picked) {
            long ord = ((Number) row.get(1)).longValue();
            String text = features.isNear() ? String.valueOf(texts.get(ord).get(0)) : null;
            out.computeIfAbsent(((Number) row.get(0)).longValue(), k -> new ArrayList<>())
                    .add(new LabelConflicts.Example(ord, row.get(2), text));
        }
        return out;
    }

    /**
     * Makes {@code target}: every row of every conflict group (all columns, in the source's order)
     * with its group number ({@code conflict_group}, 1 for the largest, ties by first row) and the
     * group's majority label ({@code majority_label}).
     */
    public void materialize(String relation, Column label, ResolvedMatch features, String target) {
        for (Column c : engine.schema(relation)) {
            if (c.name().equalsIgnoreCase(GROUP_COLUMN) || c.name().equalsIgnoreCase(MAJORITY_COLUMN)) {
                throw new IllegalArgumentException(relation + " already has a column '" + c.name() + "', which conflicts "
                        + "adds to its rows: rename it first");
            }
        }
        try (OrderedSource source = OrderedSource.of(engine, relation, target.equals(relation));
             ConflictRows rows = ConflictRows.of(engine, source, label, features);
             RankedRows ranked = engine.ranked(rows.groups(), Ranking.rank("n DESC, first_ord", "grank"));
             StagedTables staged = StagedTables.of(engine, target)) {
            String majority = "SELECT first_ord, lab FROM (SELECT first_ord, lab, row_number() OVER (PARTITION BY first_ord "
                    + "ORDER BY c DESC, lab) AS k FROM (SELECT first_ord, lab, count(*) AS c FROM " + rows.quoted()
                    + " GROUP BY first_ord, lab)) WHERE k = 1";
            engine.materialize(staged.aside(target), "SELECT s.*, CAST(g.grank + 1 AS BIGINT) AS "
                    + engine.quoteIdentifier(GROUP_COLUMN) + ", m.lab AS " + engine.quoteIdentifier(MAJORITY_COLUMN) + " FROM "
                    + source.table() + " s JOIN " + rows.quoted() + " r ON r.ord = s." + source.ordinal() + " JOIN "
                    + ranked.relation() + " g ON g.first_ord = r.first_ord JOIN (" + majority
                    + ") m ON m.first_ord = r.first_ord ORDER BY s." + source.ordinal());
            staged.commit();
        }
    }
}
