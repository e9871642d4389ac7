package dev.assay.dsl.labels;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlEngine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Counts a label's classes in one grouping: every label value with its count, and the rows whose
 * label is NULL. Refuses what is not a label: a column of only NULLs, a single class, and more
 * than {@link #MAX_CLASSES} distinct values (a float target is regression, not classes).
 */
public final class ClassCounter {

    /** More distinct labels than this is not a classification label. */
    public static final int MAX_CLASSES = 1000;

    private final SqlEngine engine;

    public ClassCounter(SqlEngine engine) {
        this.engine = engine;
    }

    /** The classes of {@code label} in {@code relation}, or an error saying why it is not a label. */
    public LabelClasses count(String relation, Column label) {
        LabelClasses classes = counted(relation, label);
        if (classes.classes().isEmpty()) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the label column '%s' of %s has no value: all %,d "
                    + "rows are NULL", label.name(), relation, classes.rows()));
        }
        if (classes.classes().size() == 1) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the label column '%s' of %s has a single class (%s, "
                    + "%,d rows): there is nothing to tell apart", label.name(), relation,
                    classes.classes().get(0).value(), classes.classes().get(0).count()));
        }
        return classes;
    }

    /**
     * The classes as they are, without refusing one class or none (a check measures those):
     * still refuses more than {@link #MAX_CLASSES} values, whose counts would not fit one result.
     */
    public LabelClasses counted(String relation, Column label) {
        String value = engine.quoteIdentifier(label.name());
        // NULL first, then the largest classes: one more than the limit tells that it is exceeded.
        List<List<Object>> rows = engine.smallResult("SELECT " + value + " AS v, count(*) AS n FROM "
                + engine.quoteIdentifier(relation) + " GROUP BY " + value + " ORDER BY (" + value + " IS NULL) DESC, n DESC LIMIT "
                + (MAX_CLASSES + 2));
        long missing = 0;
        List<Object[]> counts = new ArrayList<>();
        for (List<Object> row : rows) {
            long n = ((Number) row.get(1)).longValue();
            if (row.get(0) == null) {
                missing = n;
            } else {
                counts.add(new Object[] {row.get(0), n});
            }
        }
        if (counts.size() > MAX_CLASSES) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the label column '%s' of %s (%s) has more than %,d "
                    + "distinct values: labels are classes, and a column of so many values is a regression target or an "
                    + "identifier, not a label", label.name(), relation, label.type(), MAX_CLASSES));
        }
        long labelled = counts.stream().mapToLong(c -> (Long) c[1]).sum();
        List<LabelClass> classes = counts.stream()
                .sorted(Comparator.<Object[]>comparingLong(c -> -(Long) c[1]).thenComparing(c -> c[0], ClassCounter::compareValues))
                .map(c -> new LabelClass(c[0], (Long) c[1], (double) (Long) c[1] / labelled)).toList();
        return new LabelClasses(labelled + missing, missing, classes);
    }

    /** Orders label values of one column: by their natural order, as text where they have none. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compareValues(Object a, Object b) {
        if (a instanceof Comparable ca && a.getClass().equals(b.getClass())) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
