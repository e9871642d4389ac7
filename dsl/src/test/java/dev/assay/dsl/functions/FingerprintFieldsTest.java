package dev.assay.dsl.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.engine.DuckDbDialect;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Each type's field, as {@link FingerprintFields} writes it from JDBC values and as DuckDB's SQL writes it. */
class FingerprintFieldsTest {

    @Test
    void javaFieldsEqualTheSqlFieldsOfEveryType() throws SQLException {
        check("BOOLEAN", "i % 3 = 0");
        check("TINYINT", "CAST(i % 256 - 128 AS TINYINT)");
        check("INTEGER", "CAST(i * 7919 - 4000000 AS INTEGER)");
        check("BIGINT", "i * 9007199254740993 - 4611686018427387904");
        check("DECIMAL(18,3)", "CAST((i - 500) * 1.237 AS DECIMAL(18,3))");
        check("DOUBLE", "(i - 500) * pi() * pow(10, i % 40 - 20)");
        check("FLOAT", "CAST((i - 500) / 7.0 AS FLOAT)");
        check("VARCHAR", "repeat(chr(CAST(i AS INTEGER) + 900), i % 4) || '|é'");
        check("BLOB", "CAST(repeat('ab', i % 3) AS BLOB)");
        check("DATE", "DATE '1969-12-25' + CAST(i * 37 AS INTEGER)");
        check("TIMESTAMP", "TIMESTAMP '1960-01-01 00:00:00.123456' + INTERVAL (i * 86399999) MILLISECOND");
        check("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ '2001-02-03 04:05:06.789+02' + INTERVAL (i) HOUR");
        check("TIME", "TIME '00:00:00.000001' + INTERVAL (i * 86) SECOND");
        check("INTEGER[]", "[i, NULL, -i]");
    }

    /** 1000 values of one type: the SQL field (column 1) against the Java field of the value (column 2). */
    private static void check(String type, String valueOfI) throws SQLException {
        String field = new DuckDbDialect().fingerprintField("v", type);
        String sql = "SELECT " + field + ", v FROM (SELECT CAST(" + valueOfI + " AS " + type + ") AS v FROM range(1000) r(i))";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            int rows = 0;
            while (rs.next()) {
                assertEquals(rs.getString(1), JavaFields.of(rs, 2, type), type + " value " + rs.getString(2));
                rows++;
            }
            assertEquals(1000, rows, type);
        }
    }
}
