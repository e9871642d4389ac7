package dev.assay.dsl.functions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A JDBC value's fingerprint field computed in Java ({@link FingerprintFields}), by its DuckDB type name. */
public final class JavaFields {

    private static final LocalDateTime EPOCH = LocalDateTime.of(1970, 1, 1, 0, 0);

    private JavaFields() {
    }

    /** The field of column {@code column} of the current row, null for NULL. */
    public static String of(ResultSet rs, int column, String type) throws SQLException {
        if (rs.getObject(column) == null) {
            return null;
        }
        return switch (type) {
            case "BOOLEAN" -> FingerprintFields.bool(rs.getBoolean(column));
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT" -> FingerprintFields.integer(rs.getLong(column));
            case "DOUBLE" -> FingerprintFields.floating(rs.getDouble(column));
            case "FLOAT" -> FingerprintFields.floating(rs.getFloat(column));
            case "VARCHAR" -> FingerprintFields.text(rs.getString(column));
            case "BLOB" -> FingerprintFields.blob(rs.getBytes(column));
            case "DATE" -> FingerprintFields.integer(rs.getObject(column, LocalDate.class).toEpochDay());
            case "TIMESTAMP" -> FingerprintFields.integer(EPOCH.until(rs.getObject(column, LocalDateTime.class), ChronoUnit.MICROS));
            case "TIMESTAMP WITH TIME ZONE" -> FingerprintFields.integer(EPOCH.atOffset(ZoneOffset.UTC)
                    .until(rs.getObject(column, OffsetDateTime.class), ChronoUnit.MICROS));
            case "TIME" -> FingerprintFields.integer(rs.getObject(column, LocalTime.class).toNanoOfDay() / 1000);
            default -> type.startsWith("DECIMAL") ? FingerprintFields.decimal(rs.getBigDecimal(column))
                    : FingerprintFields.text(rs.getString(column)); // lists and the rest: their VARCHAR text
        };
    }
}
