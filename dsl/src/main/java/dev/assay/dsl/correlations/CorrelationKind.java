package dev.assay.dsl.correlations;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.profile.ColumnKind;
import java.util.Locale;

/**
 * What a column is to {@code auto} and {@code eta}: a number (integers, decimals, floats), a
 * category (text, booleans, enumerations), or neither (times, lists, structs ...), which no
 * method correlates. Numbers stay numbers however few their distinct values: a rule that
 * depends on the data would change a pair's method between two versions of a dataset.
 */
enum CorrelationKind {
    NUMBER, CATEGORY, NONE;

    static CorrelationKind of(Column column) {
        String type = column.type().toUpperCase(Locale.ROOT);
        if (type.startsWith("ENUM(")) {
            return CATEGORY;
        }
        return switch (ColumnKind.of(column.type())) {
            case NUMERIC -> NUMBER;
            case BOOLEAN, TEXT -> CATEGORY;
            default -> NONE;
        };
    }

    /** How a message names the kind of a column. */
    static String describe(Column column) {
        return switch (of(column)) {
            case NUMBER -> "a number (" + column.type() + ")";
            case CATEGORY -> ColumnKind.of(column.type()) == ColumnKind.BOOLEAN ? "a boolean" : "a category (" + column.type() + ")";
            case NONE -> "of type " + column.type();
        };
    }
}
