package dev.assay.dsl.profile;

import java.util.Locale;
import java.util.Set;

/** What a profile computes for a column follows from the kind of its values. */
public enum ColumnKind {
    /** Integers, decimals and floats: moments, quantiles and a histogram. */
    NUMERIC,
    /** Dates and timestamps: quantiles and a histogram over time. */
    TEMPORAL,
    BOOLEAN,
    /** Strings: lengths and personal-data patterns. */
    TEXT,
    /** Lists, structs, blobs, intervals ...: counted and ranked by their text form. */
    OTHER;

    private static final Set<String> INTEGERS = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");
    private static final Set<String> FLOATS = Set.of("FLOAT", "DOUBLE", "REAL");

    /** The kind of an engine type name (DuckDB's names, e.g. {@code DECIMAL(10,2)}, {@code TIMESTAMP WITH TIME ZONE}). */
    public static ColumnKind of(String engineType) {
        String t = engineType.toUpperCase(Locale.ROOT);
        if (INTEGERS.contains(t) || FLOATS.contains(t) || t.startsWith("DECIMAL")) {
            return NUMERIC;
        }
        if (t.equals("DATE") || t.startsWith("TIMESTAMP")) {
            return TEMPORAL;
        }
        if (t.equals("BOOLEAN")) {
            return BOOLEAN;
        }
        if (t.equals("VARCHAR")) {
            return TEXT;
        }
        return OTHER;
    }

    /** Integer types: numpy floors a Sturges bin width at 1 for integer data. */
    public static boolean isInteger(String engineType) {
        return INTEGERS.contains(engineType.toUpperCase(Locale.ROOT));
    }

    /** Floating-point types can hold NaN, which a profile counts as missing (as pandas does). */
    public static boolean isFloat(String engineType) {
        return FLOATS.contains(engineType.toUpperCase(Locale.ROOT));
    }

    /** Integers and decimals average exactly in the engine; floats need compensated summation. */
    public static boolean isExactNumber(String engineType) {
        return of(engineType) == NUMERIC && !isFloat(engineType);
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
