package dev.assay.dsl.engine;

import java.util.Locale;
import java.util.Set;

/**
 * Assay's type of a column: one name per type, spelt as DuckDB's DESCRIBE spells it (BIGINT,
 * DECIMAL(18,3), TIMESTAMP WITH TIME ZONE, VARCHAR[] ...). These names are written into
 * fingerprints, pins and profiles, so every engine maps its own types to them
 * (docs/types.md) and every operation asks this class, not the spelling, what a type is.
 */
public record LogicalType(String name) {

    private static final Set<String> INTEGERS = Set.of("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT",
            "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT");
    private static final Set<String> FLOATS = Set.of("FLOAT", "DOUBLE", "REAL");

    /** How a value of the type becomes a field of a fingerprint's row (docs/versions.md). */
    public enum Field {
        /** Booleans, integers and decimals: the engine's text is already digits, signs, true/false. */
        PLAIN,
        /** C's %.17g of the value as a double; every NaN as 'nan'. */
        FLOATING,
        /** Days since 1970-01-01. */
        EPOCH_DAYS,
        /** Microseconds since midnight. */
        MICROS_OF_DAY,
        /** Microseconds since 1970-01-01 UTC. */
        EPOCH_MICROS,
        /** Nanoseconds since 1970-01-01 UTC. */
        EPOCH_NANOS,
        /** Length in hex digits, ':', upper-case hex. */
        HEX,
        /** Length in UTF-8 bytes, ':', the text (VARCHAR and every type without a fixed form). */
        TEXT
    }

    /** A type name as an engine reports it; case does not matter to what it is (nested field names keep theirs). */
    public static LogicalType of(String name) {
        return new LogicalType(name.strip());
    }

    /** The name in upper case, for telling types apart. */
    private String upper() {
        return name.toUpperCase(Locale.ROOT);
    }

    public boolean isInteger() {
        return INTEGERS.contains(upper());
    }

    public boolean isFloat() {
        return FLOATS.contains(upper());
    }

    public boolean isDecimal() {
        return upper().startsWith("DECIMAL");
    }

    public boolean isNumeric() {
        return isInteger() || isFloat() || isDecimal();
    }

    /** Dates and timestamps of every precision and zone (not TIME: a time of day has no place on a time line). */
    public boolean isTemporal() {
        return upper().equals("DATE") || upper().startsWith("TIMESTAMP");
    }

    public boolean isBoolean() {
        return upper().equals("BOOLEAN");
    }

    public boolean isText() {
        return upper().equals("VARCHAR");
    }

    public Field field() {
        String t = upper();
        if (isBoolean() || isInteger() || isDecimal()) {
            return Field.PLAIN;
        }
        if (t.equals("FLOAT") || t.equals("DOUBLE")) {
            return Field.FLOATING;
        }
        if (t.equals("DATE")) {
            return Field.EPOCH_DAYS;
        }
        if (t.equals("TIME")) {
            return Field.MICROS_OF_DAY;
        }
        if (t.startsWith("TIMESTAMP")) {
            return t.equals("TIMESTAMP_NS") ? Field.EPOCH_NANOS : Field.EPOCH_MICROS;
        }
        return t.equals("BLOB") ? Field.HEX : Field.TEXT;
    }

    /**
     * True when the value's text (a VARCHAR cast) is the same on every engine: text, integers,
     * booleans and decimals. Doubles, times and nested values print differently elsewhere.
     */
    public boolean hasPortableText() {
        return isText() || field() == Field.PLAIN;
    }
}
