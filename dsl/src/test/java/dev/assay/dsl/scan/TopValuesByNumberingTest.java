package dev.assay.dsl.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.workspace.Workspace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Top values computed apart, as a numbering per column (the way a dialect such as Spark's asks
 * for them), give the profile DuckDB's top-N aggregate gives: the same values, counts and order,
 * ties broken by value, for texts, integers, doubles, booleans, dates and timestamps.
 */
class TopValuesByNumberingTest {

    @TempDir
    Path dir;

    /** Many ties: more distinct values of one count than the profile shows, and NULLs. */
    private static final String TABLE = "CREATE TABLE t AS SELECT"
            + " CASE WHEN range % 11 = 0 THEN NULL ELSE 'w' || (range % 37) END AS word,"
            + " CASE WHEN range % 13 = 0 THEN NULL ELSE (range * 7) % 83 - 40 END AS number,"
            + " CASE WHEN range % 17 = 0 THEN NULL WHEN range % 19 = 0 THEN CAST('NaN' AS DOUBLE)"
            + "   ELSE ((range * 5) % 61) / 4.0 - 3 END AS x,"
            + " CASE WHEN range % 3 = 0 THEN NULL ELSE range % 2 = 0 END AS flag,"
            + " DATE '2024-02-01' + CAST(range % 29 AS INTEGER) AS day,"
            + " TIMESTAMP '2024-01-01 00:00:00' + to_seconds((range % 41) * 60) AS at"
            + " FROM range(700)";

    @Test
    void numberedTopValuesEqualTheTopNAggregate() {
        List<Object> byAggregate = topValues(false);
        List<Object> byNumbering = topValues(true);
        assertEquals(byAggregate, byNumbering);
        assertTrue(byAggregate.stream().allMatch(top -> !((List<?>) top).isEmpty()), "every column has top values");
    }

    private List<Object> topValues(boolean numbering) {
        DuckDbEngine real = new DuckDbEngine(dir.resolve("spill" + numbering), MemoryLimit.parse("1GB"));
        try (Workspace ws = new Workspace(numbering ? numbering(real) : real, dir)) {
            ws.sql(TABLE, null);
            List<Object> tops = new ArrayList<>();
            for (Object column : (List<?>) ws.dataset("t").profile().toJson().get("columns")) {
                tops.add(((Map<?, ?>) column).get("top"));
            }
            return tops;
        }
    }

    /** The engine with a dialect that asks for top values apart. */
    private static SqlEngine numbering(SqlEngine real) {
        SqlDialect dialect = (SqlDialect) Proxy.newProxyInstance(SqlDialect.class.getClassLoader(),
                new Class<?>[] {SqlDialect.class}, (proxy, method, args) -> method.getName().equals("topValuesByNumbering")
                        ? true : invoke(method, real.dialect(), args));
        return (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> method.getName().equals("dialect") ? dialect : invoke(method, real, args));
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
