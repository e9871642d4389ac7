package dev.assay.dsl.profile;

import dev.assay.dsl.engine.LogicalType;
import java.util.Locale;

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

    /** The kind of a logical type name (engine/LogicalType: e.g. {@code DECIMAL(10,2)}, {@code TIMESTAMP WITH TIME ZONE}). */
    public static ColumnKind of(String engineType) {
        LogicalType t = LogicalType.of(engineType);
        if (t.isNumeric()) {
            return NUMERIC;
        }
        if (t.isTemporal()) {
            return TEMPORAL;
        }
        if (t.isBoolean()) {
            return BOOLEAN;
        }
        if (t.isText()) {
            return TEXT;
        }
        return OTHER;
    }

    /** Integer types: numpy floors a Sturges bin width at 1 for integer data. */
    public static boolean isInteger(String engineType) {
        return LogicalType.of(engineType).isInteger();
    }

    /** Floating-point types can hold NaN, which a profile counts as missing (as pandas does). */
    public static boolean isFloat(String engineType) {
        return LogicalType.of(engineType).isFloat();
    }

    /** Integers and decimals average exactly in the engine; floats need compensated summation. */
    public static boolean isExactNumber(String engineType) {
        return of(engineType) == NUMERIC && !isFloat(engineType);
    }

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
