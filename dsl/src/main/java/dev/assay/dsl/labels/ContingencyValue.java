package dev.assay.dsl.labels;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.profile.ColumnKind;
import java.util.Locale;

/**
 * How a column's values meet in the one value column of a batch's contingency table: numbers
 * and times as DOUBLE (times as microseconds since 1970; NaN and infinities are missing, as in
 * drift), booleans as they are, and everything else (text, enumerations, lists ...) by its text.
 */
enum ContingencyValue {
    NUMBER, BOOLEAN, TEXT;

    static ContingencyValue of(Column column) {
        return switch (kind(column)) {
            case NUMERIC, TEMPORAL -> NUMBER;
            case BOOLEAN -> BOOLEAN;
            default -> TEXT;
        };
    }

    /** Enumerations are text here: compared by their labels. */
    static ColumnKind kind(Column column) {
        return column.type().toUpperCase(Locale.ROOT).startsWith("ENUM(") ? ColumnKind.TEXT : ColumnKind.of(column.type());
    }

    /** numpy floors a Sturges width at 1 for integer data: integers and microseconds. */
    static boolean integer(Column column) {
        return kind(column) == ColumnKind.TEMPORAL || ColumnKind.isInteger(column.type());
    }

    /** The column's value as this type, in SQL. */
    String sql(SqlDialect sql, Column column) {
        String quoted = sql.quoteIdentifier(column.name());
        return switch (this) {
            case NUMBER -> kind(column) == ColumnKind.TEMPORAL ? sql.castDouble(sql.epochMicros(quoted)) : sql.castDouble(quoted);
            case BOOLEAN -> quoted;
            case TEXT -> sql.castText(quoted);
        };
    }

    /** True for a present value of this type (NULL is missing, and for numbers NaN and infinities too). */
    String present(SqlDialect sql, String value) {
        return value + " IS NOT NULL" + (this == NUMBER ? " AND " + sql.isFinite(value) : "");
    }
}
