package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.load.LoadException;
import dev.assay.dsl.split.SplitPlan;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every statement that replaces datasets does so whole or not at all (issue 20, item 13): the
 * real ragged-file reproduction, then each statement with a failure injected at every engine
 * call it makes, in turn; after each failure every dataset must be the very table it was
 * (same engine identity, same rows) and nothing built aside may remain.
 */
class ReplacementTest {

    private static final Set<String> HARMLESS = Set.of("quoteIdentifier", "quoteLiteral", "dialect", "isCancelled",
            "close", "cancel", "resetCancel", "memoryLimit", "toString", "hashCode", "equals");

    @TempDir
    Path dir;

    /** A real DuckDB engine whose n-th call (counting from when it is armed) fails, once. */
    private static final class FaultyEngine implements InvocationHandler, AutoCloseable {
        final DuckDbEngine real;
        int countdown = -1;
        boolean fired;

        FaultyEngine(Path spill) {
            real = new DuckDbEngine(spill, MemoryLimit.parse("1GB"));
        }

        @Override
        public void close() {
            real.close();
        }

        SqlEngine proxy() {
            return (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class}, this);
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (countdown > 0 && !HARMLESS.contains(method.getName()) && --countdown == 0) {
                fired = true;
                throw new SqlException("injected failure in " + method.getName(), null);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }

    private Workspace workspace(FaultyEngine engine) {
        Workspace ws = new Workspace(engine.proxy(), dir);
        ws.useStore("store");
        return ws;
    }

    private static Object dsl(Workspace ws, String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    /** Each dataset's engine identity and a digest of its multiset of rows (a GROUP BY gives no row order). */
    private static Map<String, List<Object>> state(DuckDbEngine engine) {
        Map<String, List<Object>> state = new LinkedHashMap<>();
        for (String name : engine.relations()) {
            String q = engine.quoteIdentifier(name);
            state.put(name, List.of(engine.relationId(name).orElseThrow(),
                    engine.smallResult("SELECT count(*), md5(string_agg(h, ',' ORDER BY h)) FROM (SELECT md5(t::VARCHAR) AS h FROM " + q + " t)").get(0)));
        }
        return state;
    }

    private static List<Object> leftovers(DuckDbEngine engine) {
        return engine.smallResult("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '__assay_stage%'")
                .stream().map(r -> r.get(0)).toList();
    }

    /** The rows of each dataset, without the engine's identities (for comparing runs in different engines). */
    private static Map<String, Object> rows(Map<String, List<Object>> state) {
        Map<String, Object> rows = new LinkedHashMap<>();
        state.forEach((name, s) -> rows.put(name, s.get(1)));
        return rows;
    }

    /**
     * Runs {@code statement} unhindered, then once for each engine call it makes, that call
     * failing: every time, the datasets must be exactly as before (the very same tables) or,
     * when the failure came after the swap, exactly as the unhindered run left them.
     */
    private void allOrNothing(String what, Consumer<Workspace> setUp, Consumer<Workspace> statement) throws Exception {
        Map<String, Object> done;
        try (FaultyEngine engine = new FaultyEngine(Files.createTempDirectory(dir, "spill")); Workspace ws = workspace(engine)) {
            setUp.accept(ws);
            Map<String, List<Object>> before = state(engine.real);
            statement.accept(ws);
            done = rows(state(engine.real));
            assertTrue(!rows(before).equals(done), what + ": the statement changed nothing");
        }
        for (int failAt = 1; ; failAt++) {
            try (FaultyEngine engine = new FaultyEngine(Files.createTempDirectory(dir, "spill")); Workspace ws = workspace(engine)) {
                setUp.accept(ws);
                Map<String, List<Object>> before = state(engine.real);
                engine.countdown = failAt;
                try {
                    statement.accept(ws);
                } catch (RuntimeException e) {
                    if (!engine.fired) {
                        throw e;
                    }
                }
                engine.countdown = -1;
                if (!engine.fired) {
                    return;
                }
                Map<String, List<Object>> after = state(engine.real);
                if (!after.equals(before)) {
                    assertEquals(done, rows(after), what + ", failing at engine call " + failAt + ": neither as before nor done");
                }
                assertEquals(List.of(), leftovers(engine.real), what + ", failing at engine call " + failAt);
            }
            if (failAt > 500) {
                fail(what + ": never ran to the end");
            }
        }
    }

    private static String iris() {
        return SharedData.file("iris.csv").toString().replace("'", "\\'");
    }

    private static String penguins() {
        return SharedData.file("penguins.csv").toString().replace("'", "\\'");
    }

    @Test
    void aLoadRefusedAfterReadingKeepsTheDatasetItWouldReplace() throws Exception {
        Path ragged = dir.resolve("ragged.csv");
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 50; i++) {
            csv.append(i).append(",x\n");
        }
        Files.writeString(ragged, csv.append("50,x,extra\n"));
        try (Workspace ws = Workspace.embedded()) {
            dsl(ws, "keep = load '" + iris() + "'");
            assertThrows(LoadException.class, () -> dsl(ws, "keep = load '" + ragged + "'"));
            assertEquals(150, ws.dataset("keep").count());
            assertEquals(List.of("keep"), ws.datasets());
        }
    }

    @Test
    void loadReplacesWholeOrNotAtAll() throws Exception {
        allOrNothing("load", ws -> dsl(ws, "keep = load '" + iris() + "'"),
                ws -> dsl(ws, "keep = load '" + penguins() + "' with (ignore_errors=true)"));
        allOrNothing("Java load", ws -> ws.load(SharedData.file("iris.csv").toString(), "penguins", Map.of()),
                ws -> ws.load(SharedData.file("penguins.csv").toString()));
    }

    @Test
    void sqlBindingReplacesWholeOrNotAtAll() throws Exception {
        allOrNothing("%%sql NAME", ws -> dsl(ws, "keep = load '" + iris() + "'"),
                ws -> ws.sql("SELECT * FROM keep WHERE sepal_length > 5", "keep"));
        allOrNothing("Java query", ws -> dsl(ws, "keep = load '" + iris() + "'"),
                ws -> ws.query("SELECT species, count(*) AS n FROM keep GROUP BY 1", "keep"));
    }

    @Test
    void dedupReplacesWholeOrNotAtAll() throws Exception {
        allOrNothing("dedup", ws -> dsl(ws, "keep = load '" + iris() + "'"), ws -> dsl(ws, "keep = dedup keep"));
        allOrNothing("near dedup", ws -> ws.query("SELECT * FROM (VALUES ('the cat sat on the mat today'), "
                        + "('the cat sat on the mat today!'), ('a different text entirely here')) t(text)", "keep"),
                ws -> dsl(ws, "keep = dedup keep on text near 0.5"));
        allOrNothing("Java dedup", ws -> dsl(ws, "keep = load '" + iris() + "'"), ws -> ws.dataset("keep").dedup("keep"));
    }

    @Test
    void splitReplacesAllPartsOrNone() throws Exception {
        Consumer<Workspace> setUp = ws -> {
            dsl(ws, "keep = load '" + iris() + "'");
            dsl(ws, "train = load '" + penguins() + "'");
            ws.sql("SELECT 1 AS a", "valid");
            ws.sql("SELECT 2 AS a", "test");
        };
        allOrNothing("split", setUp, ws -> dsl(ws, "train, valid, test = split keep 60/20/20 seed 3"));
        allOrNothing("stratified split", setUp, ws -> dsl(ws, "train, valid, test = split keep 60/20/20 stratify species"));
        allOrNothing("Java split", setUp, ws -> ws.dataset("keep").split(SplitPlan.into("keep", "test").percent(50, 50)));
    }

    @Test
    void loadPinReplacesWholeOrNotAtAll() throws Exception {
        allOrNothing("load pin", ws -> {
            dsl(ws, "keep = load '" + iris() + "'");
            dsl(ws, "pin keep as 'iris'");
            dsl(ws, "keep = load '" + penguins() + "'");
        }, ws -> dsl(ws, "keep = load pin 'iris'"));
    }
}
