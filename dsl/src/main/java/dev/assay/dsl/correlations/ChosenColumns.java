package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The columns a correlation covers, each with the form its values take, and notes on those left
 * out. Chosen before any data is read, so that a column a method cannot take stops the
 * statement at once: named with {@code on}, it is refused; among every column, left out with a note.
 */
record ChosenColumns(List<Column> columns, List<ValueForm> forms, List<CorrelationNote> leftOut) {

    /**
     * Columns one statement correlates at most: 2,000 columns are 1,999,000 pairs, each a pass
     * over the rows; pairs grow with the square of the columns, so beyond that a matrix costs
     * hours and is read by no one.
     */
    static final int MAX_COLUMNS = 2_000;

    ChosenColumns {
        columns = List.copyOf(columns);
        forms = List.copyOf(forms);
        leftOut = List.copyOf(leftOut);
    }

    /**
     * The columns of {@code candidates} that {@code method} takes; {@code named} when the user
     * listed them (a column the method cannot take is then an error). Refuses fewer than two
     * columns, more than {@link #MAX_COLUMNS}, and eta without both a number and a category.
     */
    static ChosenColumns choose(String dataset, List<Column> candidates, CorrelationMethod method, boolean named) {
        List<Column> columns = new ArrayList<>();
        List<ValueForm> forms = new ArrayList<>();
        List<CorrelationNote> leftOut = new ArrayList<>();
        for (Column column : candidates) {
            ValueForm form = formOf(column, method);
            if (form != null) {
                columns.add(column);
                forms.add(form);
            } else if (named) {
                throw new IllegalArgumentException(refusal(column, method));
            } else {
                leftOut.add(new CorrelationNote(column.name(), "left out: " + refusal(column, method)));
            }
        }
        if (columns.size() < 2) {
            throw new IllegalArgumentException(tooFew(dataset, columns, method, named));
        }
        if (columns.size() > MAX_COLUMNS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "correlations of %,d columns of %s: at most %,d columns (%,d pairs) in one statement, as pairs grow "
                            + "with the square of the columns; choose columns with on", columns.size(), dataset, MAX_COLUMNS,
                    (long) MAX_COLUMNS * (MAX_COLUMNS - 1) / 2));
        }
        if (method == CorrelationMethod.ETA && (!forms.contains(ValueForm.NUMBER) || !forms.contains(ValueForm.CATEGORY))) {
            throw new IllegalArgumentException("eta correlates a number with a category: the columns hold no "
                    + (forms.contains(ValueForm.NUMBER) ? "category (text, boolean): use pearson or spearman"
                    : "number: use cramer"));
        }
        return new ChosenColumns(columns, forms, leftOut);
    }

    /** How the method reads the column's values, or null when it cannot take it. */
    static ValueForm formOf(Column column, CorrelationMethod method) {
        CorrelationKind kind = CorrelationKind.of(column);
        boolean bool = kind == CorrelationKind.CATEGORY && column.type().equalsIgnoreCase("BOOLEAN");
        return switch (method) {
            case PEARSON, SPEARMAN -> kind == CorrelationKind.NUMBER || bool ? ValueForm.NUMBER : null;
            case CRAMER -> kind == CorrelationKind.CATEGORY || kind == CorrelationKind.NUMBER && integer(column)
                    ? ValueForm.CATEGORY : null;
            case ETA, AUTO -> switch (kind) {
                case NUMBER -> ValueForm.NUMBER;
                case CATEGORY -> ValueForm.CATEGORY;
                case NONE -> null;
            };
        };
    }

    private static boolean integer(Column column) {
        return ColumnKind.isInteger(column.type());
    }

    private static String refusal(Column column, CorrelationMethod method) {
        String what = "'" + column.name() + "' is " + CorrelationKind.describe(column);
        return switch (method) {
            case PEARSON, SPEARMAN -> method.keyword() + " correlates numbers and booleans, " + what
                    + ": use auto (eta against numbers, cramer against categories)";
            case CRAMER -> "cramer correlates categories (text, booleans) and integers, " + what + ": use eta or pearson";
            case ETA, AUTO -> "no method correlates " + what + ": correlations take numbers and categories (text, booleans)";
        };
    }

    private static String tooFew(String dataset, List<Column> columns, CorrelationMethod method, boolean named) {
        String found = columns.isEmpty() ? "none" : "only '" + columns.get(0).name() + "'";
        return "a correlation needs two columns or more: " + (named ? "write on A, B" : "of " + dataset + ", " + found
                + (method == CorrelationMethod.AUTO ? " is a number or a category" : " is one " + method.keyword() + " takes"));
    }
}
