package dev.assay.dsl.functions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What a DuckDB SQL expression of a column {@code v} gives for each of many Java values, in order. */
final class DuckDbOverValues {

    private DuckDbOverValues() {
    }

    static List<String> apply(List<?> values, String sqlType, String expressionOfV) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (i INTEGER, v " + sqlType + ")");
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                for (int i = 0; i < values.size(); i++) {
                    insert.setInt(1, i);
                    insert.setObject(2, values.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT " + expressionOfV + " FROM t ORDER BY i")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}
