package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spark's names (as Spark 4.0.1's DataType.simpleString printed them) mapped to Assay's
 * equal DuckDB's DESCRIBE of the same values.
 */
class SparkTypeNamesTest {

    /** Spark type name, then a DuckDB expression of that type. */
    private static final List<List<String>> PAIRS = List.of(
            List.of("tinyint", "CAST(1 AS TINYINT)"), List.of("smallint", "CAST(1 AS SMALLINT)"), List.of("int", "1"),
            List.of("bigint", "CAST(1 AS BIGINT)"), List.of("float", "CAST(1 AS FLOAT)"), List.of("double", "1e0"),
            List.of("decimal(2,1)", "1.5"), List.of("decimal(38,0)", "CAST(1 AS DECIMAL(38,0))"), List.of("string", "'x'"),
            List.of("varchar(3)", "'x'"), List.of("binary", "'\\x01'::BLOB"), List.of("boolean", "true"),
            List.of("date", "DATE '2020-01-01'"), List.of("timestamp", "TIMESTAMPTZ '2020-01-01 00:00:00+00'"),
            List.of("timestamp_ntz", "TIMESTAMP '2020-01-01'"), List.of("array<int>", "[1, 2]"),
            List.of("array<array<string>>", "[['a']]"), List.of("struct<x:int>", "{'x': 1}"),
            List.of("struct<x:decimal(2,1),Y:array<double>>", "{'x': 1.5, 'Y': [1e0]}"),
            List.of("struct<a b:int>", "{'a b': 1}"), List.of("map<string,int>", "MAP {'a': 1}"),
            List.of("map<string,array<int>>", "MAP {'a': [1]}"), List.of("interval day", "INTERVAL 1 DAY"),
            List.of("array<struct<x:double>>", "[{'x': 1e0}]"));

    @Test
    void sparkNamesMapToWhatDuckDbCallsTheSameValues() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (List<String> pair : PAIRS) {
                try (ResultSet rs = st.executeQuery("DESCRIBE SELECT " + pair.get(1) + " AS v")) {
                    assertTrue(rs.next());
                    assertEquals(rs.getString("column_type"), SparkTypeNames.toLogical(pair.get(0)), pair.get(0));
                }
            }
        }
    }

    @Test
    void anUnknownNameIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkTypeNames.toLogical("variant"));
        assertTrue(e.getMessage().contains("'variant'"), e.getMessage());
    }
}
