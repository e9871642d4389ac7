package dev.assay.dsl.check;

import dev.assay.dsl.naming.LanguageString;
import dev.assay.dsl.naming.Suggestions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the language writes measures: each name, the arguments it takes, and the record it
 * builds; the built-in ones, then those extensions registered ({@link #register}). The one
 * place that reads a measure's name; measuring is the records' own.
 */
public final class MeasureSyntax {

    /** What a measure takes between parentheses, and what to write when it is given something else. */
    private enum Arity {
        NONE, ONE_COLUMN, AT_MOST_ONE_COLUMN, COLUMNS, REFERENCE, LABEL, COLUMN_AND_LABEL, LABEL_AND_REFERENCE, TWO_COLUMNS, COLUMN_AND_VALUES;

        void check(String name, int n) {
            String problem = switch (this) {
                case NONE -> n == 0 ? null : name + " takes no column";
                case ONE_COLUMN -> n == 1 ? null : name + " measures one column: write " + name + "(COLUMN)";
                case AT_MOST_ONE_COLUMN -> n <= 1 ? null
                        : name + " measures one column, or every column without one: write " + name + "(COLUMN) or " + name;
                case COLUMNS -> null;
                case REFERENCE -> n <= 1 ? null
                        : name + " measures against a reference dataset: write " + name + "(REFERENCE), or " + name
                                + " alone in a check against a baseline";
                case LABEL -> n == 1 ? null : name + " measures a label column: write " + name + "(LABEL)";
                case COLUMN_AND_LABEL -> n == 2 ? null
                        : name + " measures a column against the label: write " + name + "(COLUMN, LABEL)";
                case LABEL_AND_REFERENCE -> n == 2 ? null
                        : name + " compares the label with another dataset's: write " + name + "(LABEL, OTHER)";
                case TWO_COLUMNS -> n == 2 ? null : name + " measures a pair of columns: write " + name + "(A, B)";
                case COLUMN_AND_VALUES -> n >= 2 ? null
                        : name + " measures a column against the values allowed: write " + name + "(COLUMN, 'a', 'b')";
            };
            if (problem != null) {
                throw new IllegalArgumentException(problem);
            }
        }

        /** Whether the argument at {@code index} names a dataset rather than a column. */
        boolean datasetAt(int index) {
            return this == REFERENCE && index == 0 || this == LABEL_AND_REFERENCE && index == 1;
        }

        /** Whether the argument at {@code index} is a value in quotes rather than a name. */
        boolean valueAt(int index) {
            return this == COLUMN_AND_VALUES && index > 0;
        }
    }

    private record Form(Arity arity, Function<List<String>, Measure> build) {
    }

    /** In the order the documentation lists them. */
    private static final Map<String, Form> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("rows", new Form(Arity.NONE, a -> new RowCount()));
        FORMS.put("missing", new Form(Arity.AT_MOST_ONE_COLUMN,
                a -> a.isEmpty() ? new MissingCells(false) : new MissingValues(a.get(0), false)));
        FORMS.put("distinct", new Form(Arity.ONE_COLUMN, a -> new DistinctValues(a.get(0), false)));
        FORMS.put("duplicates", new Form(Arity.COLUMNS, a -> new DuplicateRows(a, false)));
        FORMS.put("min", new Form(Arity.ONE_COLUMN, a -> new Minimum(a.get(0))));
        FORMS.put("max", new Form(Arity.ONE_COLUMN, a -> new Maximum(a.get(0))));
        FORMS.put("mean", new Form(Arity.ONE_COLUMN, a -> new MeanValue(a.get(0))));
        FORMS.put("outliers", new Form(Arity.ONE_COLUMN, a -> new OutlierCount(a.get(0), false)));
        FORMS.put("skewness", new Form(Arity.ONE_COLUMN, a -> new Skewness(a.get(0))));
        FORMS.put("pii", new Form(Arity.AT_MOST_ONE_COLUMN, a -> new PiiRows(a, false)));
        FORMS.put("null_like", new Form(Arity.ONE_COLUMN, a -> new NullLikeRows(a.get(0), false)));
        FORMS.put("unexpected", new Form(Arity.COLUMN_AND_VALUES, MeasureSyntax::unexpected));
        FORMS.put("drift", new Form(Arity.REFERENCE,
                a -> a.isEmpty() ? new BaselineDrift(false) : new DriftedColumns(a.get(0), false)));
        FORMS.put("fingerprint", new Form(Arity.NONE, a -> new FingerprintMatch()));
        FORMS.put("conflicts", new Form(Arity.LABEL, a -> new ConflictingRows(a.get(0), false)));
        FORMS.put("imbalance", new Form(Arity.LABEL, a -> new ClassImbalance(a.get(0))));
        FORMS.put("minority", new Form(Arity.LABEL, a -> new MinorityShare(a.get(0), false)));
        FORMS.put("association", new Form(Arity.COLUMN_AND_LABEL, a -> new LabelAssociation(a.get(0), a.get(1))));
        FORMS.put("new_labels", new Form(Arity.LABEL_AND_REFERENCE, a -> new NewLabels(a.get(0), a.get(1))));
        FORMS.put("correlation", new Form(Arity.TWO_COLUMNS, a -> new PairCorrelation(a.get(0), a.get(1))));
        FORMS.put("schema", new Form(Arity.NONE, a -> new SchemaChanges()));
        FORMS.put("freshness", new Form(Arity.ONE_COLUMN, a -> new Freshness(a.get(0))));
    }

    private static final List<String> BUILT_IN = List.copyOf(FORMS.keySet());
    /** Who registered each extension's measure, for the error when a name is taken twice. */
    private static final Map<String, String> ORIGINS = new LinkedHashMap<>();
    private static final Map<String, MeasureType> REGISTERED = new LinkedHashMap<>();

    private MeasureSyntax() {
    }

    /** The built-in measures' names, in the documentation's order. */
    static List<String> builtInNames() {
        return BUILT_IN;
    }

    /** Every measure's name: the built-in ones, then the extensions', in order of registration. */
    static synchronized List<String> names() {
        return List.copyOf(FORMS.keySet());
    }

    /**
     * Gives an extension's measure its name in the language. A name taken (built in or by another
     * extension) is refused, naming both; registering an equal type again is a no-op.
     */
    public static synchronized void register(MeasureType type, String origin) {
        String name = type.name();
        if (name == null || !name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("a measure name is a lower-case word, got '" + name + "'");
        }
        if (type.equals(REGISTERED.get(name))) {
            return;
        }
        if (FORMS.containsKey(name)) {
            String earlier = ORIGINS.getOrDefault(name, "Assay's built-in measures");
            throw new IllegalArgumentException("measure '" + name + "' of " + origin + " is registered already by " + earlier);
        }
        FORMS.put(name, new Form(Arity.COLUMNS, type.build()::apply));
        ORIGINS.put(name, origin);
        REGISTERED.put(name, type);
    }

    /**
     * The measures whose value pinned versions keep ({@link Measure#metricValue}), in the
     * documentation's order: each form is built with placeholder columns and asked, so nothing
     * here lists them by name.
     */
    static synchronized List<String> namesWithBaselineValue() {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Form> form : FORMS.entrySet()) {
            for (int n = 0; n <= 2 && !names.contains(form.getKey()); n++) {
                try {
                    form.getValue().arity().check(form.getKey(), n);
                    if (form.getValue().build().apply(Collections.nCopies(n, "c")).metricValue() != null) {
                        names.add(form.getKey());
                    }
                } catch (IllegalArgumentException e) {
                    // not this number of arguments
                }
            }
        }
        return names;
    }

    /**
     * Whether argument {@code index} of measure {@code name} (any case) names a dataset, like
     * {@code drift(REFERENCE)}, rather than a column: what completion offers there.
     */
    public static synchronized boolean takesDatasetAt(String name, int index) {
        Form form = FORMS.get(name.toLowerCase(Locale.ROOT));
        return form != null && form.arity().datasetAt(index);
    }

    /**
     * Whether argument {@code index} of measure {@code name} (any case) is a value in quotes, like
     * the allowed values of {@code unexpected(COLUMN, 'a', 'b')}; the parser hands such values on
     * quoted as the language writes them ({@link LanguageString#quote}).
     */
    public static synchronized boolean takesValueAt(String name, int index) {
        Form form = FORMS.get(name.toLowerCase(Locale.ROOT));
        return form != null && form.arity().valueAt(index);
    }

    /** {@code unexpected(COLUMN, 'a', ...)}: the column, then every value in quotes (as the parser hands them on). */
    private static Measure unexpected(List<String> arguments) {
        List<String> values = new ArrayList<>();
        for (String written : arguments.subList(1, arguments.size())) {
            values.add(LanguageString.unquote(written).orElseThrow(() -> new IllegalArgumentException(
                    "unexpected lists the allowed values in quotes after the column: write unexpected(COLUMN, 'a', 'b'), not "
                            + written)));
        }
        return new UnexpectedValues(arguments.get(0), values, false);
    }

    /** The measure {@code name(arguments)}; the name in any case. */
    static synchronized Measure measure(String name, List<String> arguments) {
        String lower = name.toLowerCase(Locale.ROOT);
        Form form = FORMS.get(lower);
        if (form == null) {
            List<String> names = names();
            throw new IllegalArgumentException("unknown measure '" + lower + "'" + Suggestions.didYouMean(lower, names)
                    + " (a rule measures " + String.join(", ", names) + ")");
        }
        form.arity().check(lower, arguments.size());
        return form.build().apply(List.copyOf(arguments));
    }
}
