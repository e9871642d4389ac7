package dev.assay.dsl.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbDialect;
import dev.assay.dsl.functions.JavaFields;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Split keys of both versions: the SQL hash of every row equals the Java twin's, for keys of
 * every type; text, integers, booleans and decimals keep version 1 (their splits keep their
 * rows), any other type takes version 2, and the result says which.
 */
class SplitKeyVersionsTest {

    /** One column of each type, every fifth value NULL. */
    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("VARCHAR", "'t' || (i * 31 % 97) || chr(CAST(i AS INTEGER) + 900)"),
            Map.entry("BIGINT", "i * 7919 - 100000"),
            Map.entry("INTEGER", "CAST(i - 150 AS INTEGER)"),
            Map.entry("BOOLEAN", "i % 3 = 0"),
            Map.entry("DECIMAL(10,2)", "CAST((i - 150) * 1.25 AS DECIMAL(10,2))"),
            Map.entry("DOUBLE", "(i - 150) / 7.0 * pow(10, i % 30 - 10)"),
            Map.entry("FLOAT", "CAST((i - 150) / 3.0 AS FLOAT)"),
            Map.entry("DATE", "DATE '1969-06-01' + CAST(i * 11 AS INTEGER)"),
            Map.entry("TIMESTAMP", "TIMESTAMP '2024-01-01 00:00:00.25' + INTERVAL (i * 3607) SECOND"),
            Map.entry("TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ '2024-01-01 12:00:00+05' + INTERVAL (i) MINUTE"),
            Map.entry("BLOB", "CAST(repeat('x', CAST(i % 4 AS INTEGER)) AS BLOB)"),
            Map.entry("INTEGER[]", "[i, i + 1]"));
    private static final List<String> V1_TYPES = List.of("VARCHAR", "BIGINT", "INTEGER", "BOOLEAN", "DECIMAL(10,2)");

    @Test
    void sqlHashEqualsTheJavaTwinForKeysOfEveryType() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            List<String> types = new ArrayList<>(VALUES.keySet());
            StringBuilder select = new StringBuilder("CREATE TABLE t AS SELECT i");
            for (int k = 0; k < types.size(); k++) {
                select.append(", CASE WHEN i % 5 = ").append(k % 5).append(" THEN NULL ELSE CAST(")
                        .append(VALUES.get(types.get(k))).append(" AS ").append(types.get(k)).append(") END AS c").append(k);
            }
            try (Statement st = c.createStatement()) {
                st.execute(select.append(" FROM range(300) r(i)").toString());
            }
            for (int k = 0; k < types.size(); k++) {
                int version = V1_TYPES.contains(types.get(k)) ? 1 : 2;
                compare(c, List.of(new Column("c" + k, types.get(k))), version);
            }
            List<Column> all = new ArrayList<>();
            for (int k = 0; k < types.size(); k++) {
                all.add(new Column("c" + k, types.get(k)));
            }
            compare(c, all, 2);
            compare(c, all.stream().filter(col -> V1_TYPES.contains(col.type())).toList(), 1);
        }
    }

    /** Each row's SQL hash over {@code key} against {@link SplitKey#hex16} of its values. */
    private static void compare(Connection c, List<Column> key, int version) throws SQLException {
        assertEquals(version, SplitKey.version(key), key.toString());
        StringBuilder sql = new StringBuilder("SELECT " + SplitKey.sqlHex16(new DuckDbDialect(), 42, key));
        for (Column col : key) {
            sql.append(", \"").append(col.name()).append("\", CAST(\"").append(col.name()).append("\" AS VARCHAR)");
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql.append(" FROM t").toString())) {
            int rows = 0;
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 0; i < key.size(); i++) {
                    values.add(version == 1 ? rs.getString(3 + 2 * i) : JavaFields.of(rs, 2 + 2 * i, key.get(i).type()));
                }
                assertEquals(rs.getString(1), SplitKey.hex16(version, 42, values), key + " row " + values);
                rows++;
            }
            assertEquals(300, rows);
        }
    }

    @Test
    void splitsSayTheirKeyVersionAndPlaceRowsAsTheTwin() {
        try (Workspace ws = Workspace.embedded()) {
            ws.query("SELECT i AS id, 'n' || (i % 17) AS name, i / 8.0 AS score FROM range(2000) r(i)", "data");
            SplitResult textAndInteger = ws.dataset("data").split(SplitPlan.into("a", "b").percent(70, 30).by("id", "name")
                    .seed(9).build());
            assertEquals(1, textAndInteger.toJson().get("key_version"));
            checkParts(ws, 1, "CAST(id AS VARCHAR), name");
            SplitResult byDouble = ws.dataset("data").split(SplitPlan.into("a", "b").percent(70, 30).by("score", "id")
                    .seed(9).build());
            assertEquals(2, byDouble.toJson().get("key_version"));
            checkParts(ws, 2, "printf('%.17g', score), CAST(id AS VARCHAR)");
            assertEquals(2, ws.dataset("data").sample("s", dev.assay.dsl.sample.SamplePlan.percent(10).seed(9)).toJson()
                    .get("key_version"));
        }
    }

    /** Every row of parts a and b is where the Java twin puts it, from its key values' text. */
    private static void checkParts(Workspace ws, int version, String keyTexts) {
        List<BigDecimal> shares = List.of(BigDecimal.valueOf(70), BigDecimal.valueOf(30));
        for (String part : List.of("a", "b")) {
            for (List<Object> row : ws.engine().smallResult("SELECT " + keyTexts + " FROM " + part)) {
                List<String> values = row.stream().map(Object::toString).toList();
                int expected = SplitKey.part(SplitKey.hex16(version, 9, values), shares);
                assertEquals(part, expected == 0 ? "a" : "b", "row " + values);
            }
        }
    }

    @Test
    void anUnknownVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SplitKey.hex16(3, 1, List.of("x")));
    }
}
