package dev.assay.dsl.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.profile.ColumnKind;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The names DuckDB's DESCRIBE writes, read as docs/types.md says: their kind, field and key version. */
class LogicalTypeTest {

    private record Expected(ColumnKind kind, LogicalType.Field field, boolean portableText) {
    }

    @Test
    void everyDuckDbTypeNameReadsAsDocumented() throws SQLException {
        Map<String, Expected> cases = new LinkedHashMap<>();
        cases.put("true", new Expected(ColumnKind.BOOLEAN, LogicalType.Field.PLAIN, true));
        cases.put("CAST(1 AS TINYINT)", new Expected(ColumnKind.NUMERIC, LogicalType.Field.PLAIN, true));
        cases.put("CAST(1 AS UBIGINT)", new Expected(ColumnKind.NUMERIC, LogicalType.Field.PLAIN, true));
        cases.put("CAST(1 AS HUGEINT)", new Expected(ColumnKind.NUMERIC, LogicalType.Field.PLAIN, true));
        cases.put("1.5", new Expected(ColumnKind.NUMERIC, LogicalType.Field.PLAIN, true));
        cases.put("CAST(1 AS FLOAT)", new Expected(ColumnKind.NUMERIC, LogicalType.Field.FLOATING, false));
        cases.put("1e0", new Expected(ColumnKind.NUMERIC, LogicalType.Field.FLOATING, false));
        cases.put("'x'", new Expected(ColumnKind.TEXT, LogicalType.Field.TEXT, true));
        cases.put("'x'::BLOB", new Expected(ColumnKind.OTHER, LogicalType.Field.HEX, false));
        cases.put("DATE '2020-01-01'", new Expected(ColumnKind.TEMPORAL, LogicalType.Field.EPOCH_DAYS, false));
        cases.put("TIMESTAMP '2020-01-01'", new Expected(ColumnKind.TEMPORAL, LogicalType.Field.EPOCH_MICROS, false));
        cases.put("TIMESTAMPTZ '2020-01-01'", new Expected(ColumnKind.TEMPORAL, LogicalType.Field.EPOCH_MICROS, false));
        cases.put("CAST('2020-01-01' AS TIMESTAMP_NS)", new Expected(ColumnKind.TEMPORAL, LogicalType.Field.EPOCH_NANOS, false));
        cases.put("CAST('2020-01-01' AS TIMESTAMP_MS)", new Expected(ColumnKind.TEMPORAL, LogicalType.Field.EPOCH_MICROS, false));
        cases.put("TIME '12:00'", new Expected(ColumnKind.OTHER, LogicalType.Field.MICROS_OF_DAY, false));
        cases.put("[1, 2]", new Expected(ColumnKind.OTHER, LogicalType.Field.TEXT, false));
        cases.put("{'lower': 1}", new Expected(ColumnKind.OTHER, LogicalType.Field.TEXT, false));
        cases.put("INTERVAL 1 DAY", new Expected(ColumnKind.OTHER, LogicalType.Field.TEXT, false));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (Map.Entry<String, Expected> e : cases.entrySet()) {
                String name;
                try (ResultSet rs = st.executeQuery("DESCRIBE SELECT " + e.getKey() + " AS v")) {
                    rs.next();
                    name = rs.getString("column_type");
                }
                LogicalType t = LogicalType.of(name);
                assertEquals(name, t.name(), "the name is kept as written (a struct's field names too)");
                assertEquals(e.getValue(), new Expected(ColumnKind.of(name), t.field(), t.hasPortableText()), name);
            }
        }
    }
}
