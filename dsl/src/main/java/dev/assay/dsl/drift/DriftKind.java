package dev.assay.dsl.drift;

import dev.assay.dsl.profile.ColumnKind;
import java.util.Locale;

/**
 * How drift treats a column. Numbers, dates and timestamps are numeric; booleans and text with
 * few distinct values (two-valued text included) are categorical; text whose reference values
 * are mostly distinct is free text.
 */
public enum DriftKind {
    NUMERIC, CATEGORICAL, TEXT;

    /** Text is free text when more than half the reference's values are distinct, and there are more than this many. */
    static final int FREE_TEXT_MIN_DISTINCT = 20;

    static DriftKind ofText(long distinct, long values) {
        return distinct > FREE_TEXT_MIN_DISTINCT && distinct * 2 > values ? TEXT : CATEGORICAL;
    }

    /**
     * The profile kind drift reads a column as: enumerations (pandas categoricals, Parquet
     * dictionaries) are text to it, compared by their labels.
     */
    static ColumnKind columnKindOf(String engineType) {
        return engineType.toUpperCase(Locale.ROOT).startsWith("ENUM(") ? ColumnKind.TEXT : ColumnKind.of(engineType);
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
