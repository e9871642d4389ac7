package dev.assay.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.assay.dsl.duplicates.Deduplicator;
import dev.assay.dsl.duplicates.DuplicateFinder;
import dev.assay.dsl.duplicates.LeakageFinder;
import dev.assay.dsl.duplicates.ResolvedMatch;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.OrderedSource;
import dev.assay.dsl.engine.SqlDialect;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.portable.PortableOperationsFixture;
import dev.assay.dsl.sample.SamplePlan;
import dev.assay.dsl.sample.Sampler;
import dev.assay.dsl.split.SplitPlan;
import dev.assay.dsl.split.Splitter;
import dev.assay.dsl.workspace.Workspace;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Runs duplicates, dedup, leakage, split and sample on DuckDB and replays every statement
 * they make on a Spark Connect server, spelt with {@link SparkDialect}: each query's rows must
 * be the same on both. Runs on the tests' own server (spark/serve), or on
 * {@code -Dassay.spark.url=sc://host:port}.
 */
class ReplayOnSparkTest {

    private static final Pattern CALL = Pattern.compile("/\\*<(\\d+)\\*/.*?/\\*>\\1\\*/", Pattern.DOTALL);

    private record Call(Method method, Object[] args) {
    }

    private final List<Call> calls = new ArrayList<>();
    private final SparkDialect sparkDialect = new SparkDialect();
    private final List<String> mismatches = new ArrayList<>();
    private int compared;
    private SparkSession spark;
    private SqlEngine duck;
    private Path dir;

    @Test
    void sameRowsOnSpark() throws Exception {
        // A server given with -Dassay.spark.url, else the one spark/serve starts for these tests.
        String url = System.getProperty("assay.spark.url", LocalConnectServer.location());
        dir = Files.createTempDirectory("assay-replay");
        spark = SparkSession.builder().remote(url).getOrCreate();
        SparkFunctions.register(spark); // Assay's Java functions, as SparkEngine registers them
        try (Workspace ws = Workspace.embedded()) {
            duck = ws.engine();
            PortableOperationsFixture.makeMessages(ws);
            copyToSpark("msgs");
            copyToSpark("evens");
            spark.sql("CREATE OR REPLACE TEMPORARY VIEW msgs_view AS SELECT * FROM msgs").collect();
            SqlEngine engine = replaying();
            List<Column> columns = engine.schema("msgs");
            List<String> names = columns.stream().map(Column::name).toList();
            PortableOperationsFixture.Matches matches = PortableOperationsFixture.matches(columns);
            for (String source : List.of("msgs")) {
                for (ResolvedMatch match : matches.all()) {
                    new DuplicateFinder(engine).find(source, match);
                    new Deduplicator(engine).dedup(source, match, "deduped");
                    new LeakageFinder(engine).find(source, "evens", match);
                }
                for (SplitPlan plan : PortableOperationsFixture.splitPlans()) {
                    new Splitter(engine).split(source, plan, names, "label");
                }
                for (SamplePlan plan : PortableOperationsFixture.samplePlans()) {
                    new Sampler(engine).sample(source, "sampled", plan, names);
                }
            }
            new Deduplicator(engine).dedup("msgs_view", matches.near(), "deduped");
            try (OrderedSource numbered = OrderedSource.of(engine, "msgs_view", columns.subList(0, 2))) {
                engine.smallResult("SELECT " + numbered.ordinal() + ", " + engine.quoteIdentifier("id") + " FROM "
                        + numbered.table());
            }
            new Deduplicator(engine).dedup("evens", matches.exact(), "evens");
            new Sampler(engine).sample("evens", "evens", SamplePlan.rows(3), names);
        } finally {
            spark.close();
        }
        System.out.println("compared " + compared + " results on Spark");
        assertEquals(List.of(), mismatches);
    }

    /** A DuckDB engine whose dialect pieces are marked with the call that made them, and whose work is replayed on Spark. */
    private SqlEngine replaying() {
        SqlDialect marking = (SqlDialect) Proxy.newProxyInstance(SqlDialect.class.getClassLoader(),
                new Class<?>[] {SqlDialect.class}, (proxy, method, args) -> {
                    int n = calls.size();
                    calls.add(new Call(method, args == null ? new Object[0] : args.clone()));
                    return "/*<" + n + "*/" + invoke(method, duck.dialect(), args) + "/*>" + n + "*/";
                });
        return (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.equals("dialect")) {
                        return marking;
                    }
                    if (name.equals("quoteIdentifier") || name.equals("quoteLiteral")) {
                        return invoke(SqlDialect.class.getMethod(name, String.class), marking, args);
                    }
                    Object result = invoke(method, duck, args);
                    switch (name) {
                        case "materialize" -> sparkTable((String) args[0], render((String) args[1]));
                        case "createTable", "insertInto" -> copyToSpark((String) args[0]);
                        case "renameAllReplacing" -> ((Map<?, ?>) args[0]).values().forEach(to -> copyToSpark((String) to));
                        case "smallResult" -> compare((String) args[0], duckRows((String) args[0]));
                        case "smallResults" -> ((List<?>) args[0]).forEach(q -> compare((String) q, duckRows((String) q)));
                        case "arrowQuery" -> compare((String) args[0], duckRows((String) args[0]));
                        case "count" -> compare("SELECT count(*) FROM " + sparkDialect.quoteIdentifier((String) args[0]),
                                List.of(List.of(result)));
                        case "run" -> spark.sql(render((String) args[0])).collect();
                        default -> {
                        }
                    }
                    return result;
                });
    }

    private List<List<Object>> duckRows(String query) {
        return duck.smallResult(query);
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** The statement with each DuckDB piece spelt again by the Spark dialect, from the same arguments. */
    private String render(String statement) {
        Matcher m = CALL.matcher(statement);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Call call = calls.get(Integer.parseInt(m.group(1)));
            Object[] args = Arrays.stream(call.args()).map(this::renderArgument).toArray();
            try {
                m.appendReplacement(out, Matcher.quoteReplacement((String) invoke(call.method(), sparkDialect, args)));
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object renderArgument(Object arg) {
        if (arg instanceof String s) {
            return render(s);
        }
        if (arg instanceof List<?> list) {
            return list.stream().map(this::renderArgument).toList();
        }
        if (arg instanceof Map.Entry<?, ?> e) {
            return Map.entry(e.getKey(), renderArgument(e.getValue()));
        }
        return arg;
    }

    /** A table made on Spark as SparkEngine makes one: cached, numbered in the query's order. */
    private void sparkTable(String name, String query) {
        try {
            cacheOnSpark(name, query);
        } catch (Exception e) {
            throw new IllegalStateException("Spark failed: " + e.getMessage() + "\n  " + query, e);
        }
    }

    private void cacheOnSpark(String name, String query) {
        List<String> columns = new ArrayList<>(Arrays.asList(spark.sql(query).columns()));
        columns.remove(SparkDialect.ROW_ORDINAL);
        String q = sparkDialect.quoteIdentifier(name);
        spark.sql("UNCACHE TABLE IF EXISTS " + q).collect();
        spark.sql("DROP VIEW IF EXISTS " + q).collect();
        spark.sql("CACHE TABLE " + q + " AS SELECT " + String.join(", ", columns.stream().map(sparkDialect::quoteIdentifier)
                .toList()) + ", CAST(row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS BIGINT) AS "
                + SparkDialect.ROW_ORDINAL + " FROM (" + query + ")").collect();
    }

    private int files;

    private void copyToSpark(String table) {
        String path = dir.resolve("t" + files++ + ".parquet").toString();
        duck.run("COPY " + duck.quoteIdentifier(table) + " TO " + duck.quoteLiteral(path) + " (FORMAT parquet)", null, 0);
        sparkTable(table, "SELECT * FROM parquet.`" + path + "`");
    }

    private void compare(String duckQuery, List<List<Object>> duckRows) {
        String sparkQuery = render(duckQuery);
        List<String> expected = normalized(duckRows);
        List<List<Object>> sparkRows = new ArrayList<>();
        try {
            for (Row row : spark.sql(sparkQuery).collectAsList()) {
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < row.length(); i++) {
                    values.add(row.get(i));
                }
                sparkRows.add(values);
            }
        } catch (Exception e) {
            mismatches.add("Spark failed: " + e.getMessage() + "\n  " + sparkQuery);
            return;
        }
        compared++;
        List<String> actual = normalized(sparkRows);
        boolean ordered = duckQuery.replaceAll("/\\*.*?\\*/", "").matches("(?s).*ORDER BY [^)]*$");
        if (!ordered) {
            expected.sort(null);
            actual.sort(null);
        }
        if (!expected.equals(actual)) {
            mismatches.add("different rows:\n  DuckDB " + expected + "\n  Spark  " + actual + "\n  " + sparkQuery);
        }
    }

    private static List<String> normalized(List<List<Object>> rows) {
        List<String> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.stream().map(ReplayOnSparkTest::value).toList().toString());
        }
        return out;
    }

    private static String value(Object v) {
        if (v instanceof Double || v instanceof Float) {
            return String.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).toBigInteger().toString();
        }
        return String.valueOf(v);
    }
}
