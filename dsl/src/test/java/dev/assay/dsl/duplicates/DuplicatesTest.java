package dev.assay.dsl.duplicates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Exact duplicates, dedup and leakage on tables whose answers are known by construction, and
 * on the shared datasets whose duplicate counts their README states. The comparison with
 * pandas is tests/data/test_duplicates_vs_pandas.py.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuplicatesTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        ws.query("SELECT * FROM (VALUES (1, 'Hello, World!'), (2, 'hello world'), (3, 'Hello, World!'), (4, NULL), "
                + "(5, NULL), (6, 'other'), (7, '  HELLO   world ')) t(id, text)", "msgs");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    @Test
    void countsGroupsPlainAndNormalized() {
        Duplicates plain = (Duplicates) run("duplicates msgs on text");
        assertEquals(7, plain.rows());
        assertEquals(2, plain.duplicateRows()); // 'Hello, World!' twice, NULL twice
        assertEquals(2, plain.groups());
        assertEquals(List.of(new DuplicateGroup(2, 0, Map.of("text", "Hello, World!")),
                new DuplicateGroup(2, 3, Collections.singletonMap("text", null))), plain.largest());
        assertNull(plain.near());

        Duplicates normalized = (Duplicates) run("duplicates msgs on text normalize");
        assertEquals(4, normalized.duplicateRows()); // four spellings of hello world, two NULLs
        assertEquals(new DuplicateGroup(4, 0, Map.of("text", "Hello, World!")), normalized.largest().get(0));
        assertEquals(0, ((Duplicates) run("duplicates msgs")).duplicateRows());
    }

    @Test
    void dedupKeepsTheFirstRowOfEachGroupInOrder() {
        Deduplicated d = (Deduplicated) run("clean = dedup msgs on text normalize");
        assertEquals(7, d.sourceRows());
        assertEquals(3, d.rows());
        assertEquals(List.of(List.of(1), Collections.singletonList(4), List.of(6)).toString(),
                ws.engine().smallResult("SELECT id FROM clean").toString());
    }

    @Test
    void nearDuplicatesIncludeExactOnesAndLeaveNullsAlone() {
        // 'hello world' and 'hello worlds' share 7 of 8 five-character shingles: Jaccard 0.875.
        ws.query("SELECT * FROM msgs UNION ALL SELECT 8, 'Hello worlds' ORDER BY id", "near_");
        Duplicates d = (Duplicates) run("duplicates near_ on text near 0.85");
        assertEquals(1, d.near().clusters()); // the five hello worlds; NULLs are not text
        assertEquals(5, d.near().rowsInClusters());
        assertEquals(new NearCluster(5, 0, List.of("Hello, World!", "Hello worlds")), d.near().largest().get(0));
        assertEquals(List.of("Hello, World!"), ((Duplicates) run("duplicates near_ on text near 0.9")).near().largest().get(0)
                .examples(), "at 0.9 only the spellings equal after normalizing remain: one text");
        Deduplicated clean = (Deduplicated) run("clean = dedup near_ on text near 0.85");
        assertEquals(List.of(1L, 4L, 5L, 6L), ws.engine().smallResult("SELECT id FROM clean").stream()
                .map(r -> ((Number) r.get(0)).longValue()).toList());
        assertEquals(4, clean.rows());
    }

    @Test
    void theSharedDatasetsHaveTheDuplicatesTheirReadmeStates() {
        ws.load(SharedData.file("diamonds.csv").toString(), "diamonds", Map.of());
        ws.load(SharedData.file("titanic.csv").toString(), "titanic", Map.of());
        ws.load(SharedData.file("iris.csv").toString(), "iris", Map.of());
        assertEquals(146, ws.dataset("diamonds").duplicates().duplicateRows());
        assertEquals(107, ws.dataset("titanic").duplicates().duplicateRows());
        assertEquals(1, ws.dataset("iris").duplicates().duplicateRows());
    }

    @Test
    void leakageCountsRowsOfTheSecondFoundInTheFirst() {
        ws.query("SELECT * FROM (VALUES ('a'), ('b'), ('b'), ('c')) t(text)", "train_");
        ws.query("SELECT * FROM (VALUES ('B'), ('b'), ('d'), ('b'), (NULL)) t(text)", "test_");
        Leakage l = (Leakage) run("leakage train_, test_");
        assertEquals(2, l.exactOverlapRows());
        assertEquals(1, l.sharedKeys());
        assertEquals(2, l.leftOverlapRows());
        assertEquals(3, ((Leakage) run("leakage train_, test_ on text normalize")).exactOverlapRows());
        Leakage near = (Leakage) run("leakage train_, test_ on text near 0.5");
        assertEquals(3, near.nearOverlapRows());
    }

    @Test
    void worksOnViewsToo() {
        ws.sql("CREATE OR REPLACE VIEW msgs_view AS SELECT * FROM msgs", null);
        assertEquals(2, ws.dataset("msgs_view").duplicates(Match.on("text")).duplicateRows());
        assertEquals(3, ws.dataset("msgs_view").dedup("from_view", Match.on("text").normalized()).rows());
    }

    @Test
    void aCancelledNearSearchStopsAndLeavesTheWorkspaceUsable() throws Exception {
        ws.query("SELECT range AS id, 'message number ' || range || ' about ' || (range % 977) AS text FROM range(400000)", "many");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread search = new Thread(() -> {
            try {
                ws.dataset("many").duplicates(Match.on("text").near(0.5));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        search.start();
        Thread.sleep(300);
        ws.cancel();
        search.interrupt();
        search.join();
        assertTrue(failure.get() instanceof QueryCancelledException, String.valueOf(failure.get()));
        ws.resetCancel();
        assertEquals(2, ((Duplicates) run("duplicates msgs on text")).duplicateRows(), "the workspace works on");
        assertTrue(ws.datasets().stream().noneMatch(n -> n.startsWith("__assay_")), "no scratch table shows as a dataset");
    }

    @Test
    void badInputSaysWhatIsWrong() {
        assertEquals("no column 'txt' in msgs; did you mean 'text'?", assertThrows(IllegalArgumentException.class,
                () -> run("duplicates msgs on txt")).getMessage());
        assertEquals("near duplicates compare text; 'id' is INTEGER", assertThrows(IllegalArgumentException.class,
                () -> run("duplicates msgs on id near 0.8")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("duplicates msgs on id, text near 0.8"))
                .getMessage().startsWith("near duplicates compare one text column; got 2, say which with 'on COLUMN'"));
        ws.query("SELECT 1 AS x", "other_");
        assertEquals("no column 'text' in other_; its columns: x", assertThrows(IllegalArgumentException.class,
                () -> run("leakage msgs, other_ on text")).getMessage());
        assertEquals("the near threshold must be in (0, 1], got 1.5", assertThrows(IllegalArgumentException.class,
                () -> Match.on("text").near(1.5)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> run("__assay_x = dedup msgs")).getMessage()
                .contains("kept for Assay's scratch tables"));
    }
}
