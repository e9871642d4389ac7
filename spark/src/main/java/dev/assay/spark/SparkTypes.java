package dev.assay.spark;

import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.CharType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DayTimeIntervalType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NullType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.types.VarcharType;
import org.apache.spark.sql.types.YearMonthIntervalType;

/**
 * Spark's types under Assay's logical type names (docs/types.md), so that a column has the same
 * type on every engine: in profiles, fingerprints and pins.
 */
final class SparkTypes {

    private SparkTypes() {
    }

    static String logicalName(DataType type) {
        if (type instanceof BooleanType) {
            return "BOOLEAN";
        }
        if (type instanceof ByteType) {
            return "TINYINT";
        }
        if (type instanceof ShortType) {
            return "SMALLINT";
        }
        if (type instanceof IntegerType) {
            return "INTEGER";
        }
        if (type instanceof LongType) {
            return "BIGINT";
        }
        if (type instanceof FloatType) {
            return "FLOAT";
        }
        if (type instanceof DoubleType) {
            return "DOUBLE";
        }
        if (type instanceof DecimalType d) {
            return "DECIMAL(" + d.precision() + "," + d.scale() + ")";
        }
        if (type instanceof StringType || type instanceof VarcharType || type instanceof CharType) {
            return "VARCHAR";
        }
        if (type instanceof BinaryType) {
            return "BLOB";
        }
        if (type instanceof DateType) {
            return "DATE";
        }
        // Spark's TIMESTAMP is an instant shown in the session's time zone: DuckDB's TIMESTAMPTZ.
        if (type instanceof TimestampType) {
            return "TIMESTAMP WITH TIME ZONE";
        }
        if (type instanceof TimestampNTZType) {
            return "TIMESTAMP";
        }
        if (type instanceof ArrayType a) {
            return logicalName(a.elementType()) + "[]";
        }
        if (type instanceof MapType m) {
            return "MAP(" + logicalName(m.keyType()) + ", " + logicalName(m.valueType()) + ")";
        }
        if (type instanceof StructType s) {
            return "STRUCT(" + Stream.of(s.fields()).map(f -> "\"" + f.name() + "\" " + logicalName(f.dataType()))
                    .collect(Collectors.joining(", ")) + ")";
        }
        if (type instanceof DayTimeIntervalType || type instanceof YearMonthIntervalType) {
            return "INTERVAL";
        }
        if (type instanceof NullType) {
            return "NULL";
        }
        return type.sql().toUpperCase(Locale.ROOT);
    }
}
