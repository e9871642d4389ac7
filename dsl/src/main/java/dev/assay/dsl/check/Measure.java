package dev.assay.dsl.check;

import dev.assay.dsl.naming.Suggestions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a rule measures: {@code rows}, {@code missing(col)}, {@code duplicates(a, b)} ...,
 * optionally as a percentage (of the rows, the cells or the columns). The factories refuse a measure that cannot be
 * measured (a wrong number of arguments, a percentage of a mean), so the language and the
 * Java API share one set of rules. Built from Java as, for example,
 * {@code Measure.missing("text").percent().lessThan(1)}.
 */
public record Measure(String name, List<String> arguments, boolean inPercent) {

    /** The measures of the language, in the order the documentation lists them. */
    public static final List<String> NAMES = List.of("rows", "missing", "distinct", "duplicates", "min", "max", "mean",
            "pii", "drift", "fingerprint");
    private static final Set<String> ONE_COLUMN = Set.of("distinct", "min", "max", "mean");
    private static final Set<String> AT_MOST_ONE_COLUMN = Set.of("missing", "pii");
    private static final Set<String> NO_PERCENT = Set.of("rows", "min", "max", "mean", "fingerprint");

    public Measure {
        arguments = List.copyOf(arguments);
        check(name, arguments, inPercent);
    }

    /** The measure {@code name(arguments)}, or an error saying what {@code name} takes. */
    public static Measure of(String name, List<String> arguments) {
        return new Measure(name.toLowerCase(Locale.ROOT), arguments, false);
    }

    public static Measure rows() {
        return of("rows", List.of());
    }

    /** Missing values (NULL, and NaN in float columns) of a column. */
    public static Measure missing(String column) {
        return of("missing", List.of(column));
    }

    /** Missing cells over every column; as a percentage, of all cells. */
    public static Measure missingCells() {
        return of("missing", List.of());
    }

    /** Distinct values (missing ones not counted), as pandas' {@code nunique}. */
    public static Measure distinct(String column) {
        return of("distinct", List.of(column));
    }

    /** Rows that repeat an earlier row over these columns (all columns when none is named). */
    public static Measure duplicates(String... columns) {
        return of("duplicates", List.of(columns));
    }

    public static Measure min(String column) {
        return of("min", List.of(column));
    }

    public static Measure max(String column) {
        return of("max", List.of(column));
    }

    public static Measure mean(String column) {
        return of("mean", List.of(column));
    }

    /** Values of a text column holding an email, a phone number, a card number or an IPv4 address. */
    public static Measure pii(String column) {
        return of("pii", List.of(column));
    }

    /** Columns that drifted from {@code reference} (the dataset checked is the current side). */
    public static Measure drift(String reference) {
        return of("drift", List.of(reference));
    }

    /** The content fingerprint, compared with {@code 'sha256:…'} or a pinned version {@code 'label@N'}. */
    public static Measure fingerprint() {
        return of("fingerprint", List.of());
    }

    /** The same measure as a percentage: of the rows, of all cells for {@code missing}, of the columns for {@code drift}. */
    public Measure percent() {
        return new Measure(name, arguments, true);
    }

    public Rule lessThan(Number limit) {
        return compare(Operator.LESS, limit);
    }

    public Rule atMost(Number limit) {
        return compare(Operator.AT_MOST, limit);
    }

    public Rule equalTo(Number limit) {
        return compare(Operator.EQUAL, limit);
    }

    public Rule atLeast(Number limit) {
        return compare(Operator.AT_LEAST, limit);
    }

    public Rule greaterThan(Number limit) {
        return compare(Operator.GREATER, limit);
    }

    public Rule notEqualTo(Number limit) {
        return compare(Operator.NOT_EQUAL, limit);
    }

    /** {@code fingerprint = 'sha256:…'} or {@code fingerprint = 'label@N'}. */
    public Rule equalTo(String expected) {
        return compare(Operator.EQUAL, expected);
    }

    public Rule notEqualTo(String expected) {
        return compare(Operator.NOT_EQUAL, expected);
    }

    public Rule compare(Operator operator, String expected) {
        return new Rule(this, operator, null, expected);
    }

    public Rule compare(Operator operator, Number limit) {
        if (limit instanceof Double || limit instanceof Float) {
            if (!Double.isFinite(limit.doubleValue())) {
                throw new IllegalArgumentException(text() + " is compared with a finite number, not " + limit);
            }
        }
        return new Rule(this, operator, new BigDecimal(limit.toString()), null);
    }

    public boolean isFingerprint() {
        return name.equals("fingerprint");
    }

    /** How the measure is written in the language: {@code duplicates(a, b)}. */
    public String text() {
        return arguments.isEmpty() ? name : name + "(" + String.join(", ", arguments) + ")";
    }

    private static void check(String name, List<String> arguments, boolean percent) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("unknown measure '" + name + "'" + Suggestions.didYouMean(name, NAMES)
                    + " (a rule measures " + String.join(", ", NAMES) + ")");
        }
        int n = arguments.size();
        if (ONE_COLUMN.contains(name) && n != 1) {
            throw new IllegalArgumentException(name + " measures one column: write " + name + "(COLUMN)");
        }
        if (AT_MOST_ONE_COLUMN.contains(name) && n > 1) {
            throw new IllegalArgumentException(name + " measures one column, or every column without one: write "
                    + name + "(COLUMN) or " + name);
        }
        if (name.equals("drift") && n != 1) {
            throw new IllegalArgumentException("drift measures against a reference dataset: write drift(REFERENCE)");
        }
        if ((name.equals("rows") || name.equals("fingerprint")) && n != 0) {
            throw new IllegalArgumentException(name + " takes no column");
        }
        if (percent && NO_PERCENT.contains(name)) {
            throw new IllegalArgumentException(name + " cannot be a percentage; percentages are of the rows (missing, "
                    + "distinct, duplicates, pii) or of the columns (drift)");
        }
    }
}
