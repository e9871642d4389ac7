package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.RuleException;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.DuckDbEngineProvider;
import dev.assay.dsl.engine.EngineProvider;
import dev.assay.dsl.engine.EngineRegistry;
import dev.assay.dsl.engine.EngineSettings;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.SqlException;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.LanguageAssist;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.store.Fingerprinter;
import dev.assay.dsl.store.Pinned;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A session with two engines: the built-in DuckDB and a second DuckDB registered as engine
 * {@code other}, standing for Spark (each its own database: neither reads the other's tables).
 */
class SessionEnginesTest {

    /** An engine provider under another name that records what it opened and what was closed. */
    static final class OtherEngines implements EngineProvider {
        final List<String> locations = new ArrayList<>();
        final List<SqlEngine> opened = new ArrayList<>();
        final List<SqlEngine> closed = new ArrayList<>();
        private final Path dir;

        OtherEngines(Path dir) {
            this.dir = dir;
        }

        @Override
        public String name() {
            return "other";
        }

        @Override
        public SqlEngine open(EngineSettings settings) {
            if ("unreachable".equals(settings.location())) {
                throw new IllegalArgumentException("cannot reach other at 'unreachable'");
            }
            locations.add(settings.location());
            SqlEngine engine = recordingClose(new DuckDbEngine(dir.resolve("spill-" + opened.size()),
                    MemoryLimit.fromEnvironment(Map.of())), closed);
            opened.add(engine);
            return engine;
        }
    }

    /** {@code engine}, adding itself to {@code closed} when closed. */
    static SqlEngine recordingClose(SqlEngine engine, List<SqlEngine> closed) {
        SqlEngine[] self = new SqlEngine[1];
        self[0] = (SqlEngine) Proxy.newProxyInstance(SqlEngine.class.getClassLoader(), new Class<?>[] {SqlEngine.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        closed.add(self[0]);
                    }
                    try {
                        return method.invoke(engine, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return self[0];
    }

    private Path dir;
    private OtherEngines others;
    private final List<SqlEngine> closed = new ArrayList<>();
    private SqlEngine duck;
    private Workspace ws;

    @BeforeEach
    void open(@TempDir Path dir) {
        this.dir = dir;
        others = new OtherEngines(dir);
        EngineRegistry registry = new EngineRegistry();
        registry.register(new DuckDbEngineProvider(), "test");
        registry.register(others, "test");
        duck = recordingClose(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.fromEnvironment(Map.of())), closed);
        ws = new Workspace(registry, DuckDbEngineProvider.NAME, duck, dir);
        ws.useStore(".assay");
        // Types that must keep their logical names through a copy, NULLs in each.
        ws.query("SELECT i AS id, CAST(i * 3 AS INTEGER) AS small, i * 0.25 AS ratio, CAST(i / 7 AS DECIMAL(12, 3)) AS price,"
                + " CASE WHEN i % 5 = 0 THEN NULL ELSE 'text ' || i END AS label, i % 2 = 0 AS even,"
                + " DATE '2024-01-01' + CAST(i AS INTEGER) AS day, TIMESTAMP '2024-01-01 00:00:00' + i * INTERVAL 1 MINUTE AS at"
                + " FROM range(300) r(i)", "t");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    private static String fingerprint(SqlEngine engine, String relation) {
        return new Fingerprinter(engine).of(relation).fingerprint().value();
    }

    private static List<List<Object>> rows(SqlEngine engine, String relation) {
        return engine.smallResult("SELECT * FROM " + engine.quoteIdentifier(relation));
    }

    private SqlEngine other() {
        return ws.engines().named("other").orElseThrow().engine();
    }

    @Test
    void useMakesNewDatasetsOnTheEngineItNames() {
        EngineUse used = (EngineUse) run("use other 'here'");
        assertEquals(new EngineUse("other", "here", true), used);
        assertEquals(Map.of("kind", "use", "engine", "other", "location", "here"), used.toJson());
        ws.query("SELECT 1 AS x", "made");
        assertTrue(other().relations().contains("made"));
        assertFalse(duck.relations().contains("made"));
        assertEquals(List.of("t", "made"), ws.datasets());
        assertEquals(1, ws.dataset("made").count()); // found on the engine holding it
        assertEquals(300, ws.dataset("t").count());
        run("use duckdb");
        ws.query("SELECT 2 AS y", "back");
        assertTrue(duck.relations().contains("back"));
    }

    @Test
    void aCopyRoundTripKeepsRowsSchemaAndFingerprint() {
        List<List<Object>> before = rows(duck, "t");
        String print = fingerprint(duck, "t");
        var schema = ws.dataset("t").schema();
        run("use other");
        Copied there = (Copied) run("copy t to other");
        assertTrue(there.moved());
        assertEquals(300, there.rows());
        assertEquals("other", ws.datasetEngine("t").orElseThrow().name());
        assertFalse(duck.relations().contains("t"), "under its own name a copy moves the dataset");
        assertEquals(schema, ws.dataset("t").schema());
        assertEquals(before, rows(other(), "t"));
        assertEquals(print, fingerprint(other(), "t"));

        Path shared = dir.resolve("shared");
        shared.toFile().mkdirs();
        Copied back = (Copied) run("copy t to duckdb via 'shared'");
        assertEquals("shared", back.via());
        assertEquals(Map.of("kind", "copy", "dataset", "t", "source", "t", "from", "other", "to", "duckdb", "rows", 300L,
                "via", "shared", "moved", true), back.toJson());
        assertEquals(schema, ws.dataset("t").schema());
        assertEquals(before, rows(duck, "t"));
        assertEquals(print, fingerprint(duck, "t"));
        assertEquals(0, shared.toFile().list().length, "the Parquet files of a copy go once it is read");
    }

    @Test
    void aCopyUnderAnotherNameKeepsTheSourceAndRecordsItsLineage() {
        Pinned pinned = ws.dataset("t").pin("base");
        run("use other");
        Copied copied = (Copied) run("copy t to other as t2");
        assertFalse(copied.moved());
        assertEquals("duckdb", ws.datasetEngine("t").orElseThrow().name());
        assertEquals("other", ws.datasetEngine("t2").orElseThrow().name());
        var lineage = ws.lineage().of("t2");
        assertEquals(List.of(pinned.version().asParent()), lineage.parents());
        assertEquals(List.of("copy t to other as t2"), lineage.operations());
    }

    @Test
    void aStatementOverDatasetsOfTwoEnginesIsRefusedNamingCopy() {
        run("use other");
        ws.query("SELECT * FROM range(10) r(id)", "u");
        String expected = "'t' is on duckdb and 'u' on other: copy one to the other first (copy u to duckdb)";
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> run("leakage t, u")).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> run("drift t vs u")).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> run("diff t u")).getMessage());
        assertEquals(expected, assertThrows(IllegalArgumentException.class, () -> run("report t vs u")).getMessage());
        RuleException rule = assertThrows(RuleException.class,
                () -> ws.dataset("u").evaluate(Measure.drift("t").atMost(0)));
        assertTrue(rule.getMessage().contains("copy u to duckdb"), rule.getMessage());
        // SQL runs on the current engine: a dataset of another is named with the way out.
        SqlException sql = assertThrows(SqlException.class, () -> ws.sql("SELECT count(*) FROM t", null));
        assertTrue(sql.getMessage().lines().findFirst().orElseThrow().contains("'t' is a dataset on duckdb (copy t to other)"),
                sql.getMessage());
        // Once both are on one engine, the statement runs.
        run("copy t to other");
        assertEquals(10, ws.dataset("t").leakage(ws.dataset("u"), dev.assay.dsl.duplicates.Match.on(List.of("id"))).exactOverlapRows());
    }

    @Test
    void aFailedUseLeavesTheCurrentEngineAsItWas() {
        IllegalArgumentException unreachable = assertThrows(IllegalArgumentException.class,
                () -> run("use other 'unreachable'"));
        assertEquals("cannot reach other at 'unreachable'", unreachable.getMessage());
        assertSame(duck, ws.engine());
        assertEquals(1, ws.engines().all().size());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> run("use othr"));
        assertTrue(unknown.getMessage().contains("known engines: duckdb, other"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("other"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("did you mean"), unknown.getMessage());
        assertSame(duck, ws.engine());
        // A failed open of another location keeps the open engine and its datasets.
        run("use other 'a'");
        ws.query("SELECT 1 AS x", "kept");
        assertThrows(IllegalArgumentException.class, () -> run("use other 'unreachable'"));
        assertEquals(1, ws.dataset("kept").count());
        assertEquals("other", ws.engines().current().name());
    }

    @Test
    void aFailedCopyLeavesBothEnginesDatasetsAsTheyWere() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("copy t to other")).getMessage()
                .contains("use other first"), "to an engine the session has not opened");
        run("use other");
        ws.query("SELECT 42 AS answer", "u");
        run("use duckdb");
        ws.query("SELECT CAST('a' AS ENUM ('a', 'b')) AS mood", "moods");
        dir.resolve("shared").toFile().mkdirs();
        String print = fingerprint(duck, "t");
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> run("copy t to other as u via 'no-such-dir'"));
        assertTrue(missing.getMessage().contains("no such directory"), missing.getMessage());
        // A type the target reads back as another: refused after the rows were built aside.
        IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
                () -> run("copy moods to other as u via 'shared'"));
        assertTrue(type.getMessage().contains("cannot keep column 'mood'"), type.getMessage());
        assertEquals(List.of(List.of(42)), rows(other(), "u"));
        assertEquals(print, fingerprint(duck, "t"));
        assertEquals(List.of("moods", "t", "u"), ws.datasets());
        assertEquals(List.of("u"), other().relations(), "nothing built aside is left on the target");
    }

    @Test
    void aNameIsUniqueAcrossEngines() {
        run("use other");
        ws.query("SELECT 7 AS seven", "t"); // replaces t of duckdb, once the new one is made
        assertEquals(List.of("t"), ws.datasets());
        assertEquals("other", ws.datasetEngine("t").orElseThrow().name());
        assertFalse(duck.relations().contains("t"));
        IllegalArgumentException cased = assertThrows(IllegalArgumentException.class, () -> ws.query("SELECT 1", "T"));
        assertTrue(cased.getMessage().contains("dataset 't' exists"), cased.getMessage());
        // A failed statement binding that name keeps the dataset where it is.
        run("use duckdb");
        assertThrows(SqlException.class, () -> ws.query("SELECT * FROM no_such_table", "t"));
        assertEquals(List.of(List.of(7)), rows(other(), "t"));
        // Operations make their results on the engine of their source, and replace names elsewhere.
        ws.query("SELECT * FROM range(50) r(id)", "d");
        run("use other");
        ws.query("SELECT 1 AS one", "s");
        run("use duckdb");
        run("s = sample d 10 seed 1");
        assertEquals(List.of("d", "s", "t"), ws.datasets().stream().sorted().toList());
        assertEquals("duckdb", ws.datasetEngine("s").orElseThrow().name());
        assertFalse(other().relations().contains("s"));
    }

    @Test
    void useReusesAnOpenEngineAndReplacesItForAnotherLocation() {
        run("use other 'first'");
        ws.query("SELECT 1 AS x", "x1");
        SqlEngine first = other();
        assertFalse(((EngineUse) run("use other 'first'")).opened());
        assertFalse(((EngineUse) run("use other")).opened());
        assertSame(first, other());
        assertEquals(1, others.opened.size());
        run("use other 'second'");
        assertEquals(List.of(first), others.closed, "the engine at the old location is closed");
        assertFalse(ws.datasets().contains("x1"), "its datasets went with it");
        assertEquals(List.of("first", "second"), others.locations);
    }

    @Test
    void cancelReachesEveryEngineAndCloseClosesAll() {
        run("use other");
        ws.cancel();
        assertTrue(duck.isCancelled());
        assertTrue(other().isCancelled());
        ws.resetCancel();
        assertFalse(duck.isCancelled());
        assertFalse(other().isCancelled());
        SqlEngine second = other();
        ws.close();
        assertEquals(List.of(duck), closed);
        assertEquals(List.of(second), others.closed);
    }

    @Test
    void sparkAbsentOrUnableToWrapIsToldPlainly() {
        IllegalArgumentException absent = assertThrows(IllegalArgumentException.class,
                () -> ws.useSpark("sc://127.0.0.1:15002"));
        assertTrue(absent.getMessage().startsWith("engine spark is not on the class path"), absent.getMessage());
        assertTrue(absent.getMessage().contains("known engines: duckdb, other"), absent.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("use spark 'local[2]'"));
        ws.engineRegistry().register(new EngineProvider() {
            @Override
            public String name() {
                return "spark";
            }

            @Override
            public SqlEngine open(EngineSettings settings) {
                throw new IllegalStateException("not in this test");
            }
        }, "test");
        IllegalArgumentException wrap = assertThrows(IllegalArgumentException.class, () -> ws.useSpark(new Object()));
        assertEquals("engine spark cannot wrap a java.lang.Object", wrap.getMessage());
        assertSame(duck, ws.engine());
    }

    @Test
    void completionOffersEnginesAfterUseAndCopyTo() {
        assertEquals(List.of("duckdb", "spark"), LanguageAssist.complete("use ", 4, ws).matches());
        assertEquals(List.of("duckdb", "spark"), LanguageAssist.complete("copy t to ", 10, ws).matches());
        assertFalse(LanguageAssist.complete("report t to ", 12, ws).matches().contains("duckdb"),
                "report's 'to' takes a file, not an engine");
        assertTrue(LanguageAssist.describe("copy t to other", 1, ws).orElseThrow().startsWith("copy NAME to ENGINE"));
        assertTrue(LanguageAssist.describe("use other", 1, ws).orElseThrow().startsWith("use ENGINE"));
    }
}
