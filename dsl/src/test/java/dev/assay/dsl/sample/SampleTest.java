package dev.assay.dsl.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.split.SplitKey;
import dev.assay.dsl.store.Pinned;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sample} on a real DuckDB table: split's rows, exact counts, stability as rows are appended, lineage. */
class SampleTest {

    private Workspace ws;

    @BeforeEach
    void open(@TempDir Path dir) {
        ws = new Workspace(Workspace.embedded().engine(), dir);
        ws.useStore(".assay");
        // One text column: a row's canonical hash text is its value, so SplitKey.hex16 computes it in Java.
        ws.query("SELECT 'row ' || i AS id FROM range(2000) r(i)", "data");
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    private Set<String> ids(String dataset) {
        Set<String> ids = new HashSet<>();
        ws.engine().smallResult("SELECT id FROM " + dataset).forEach(row -> ids.add((String) row.get(0)));
        return ids;
    }

    @Test
    void aPercentageSampleHasTheRowsOfSplitsFirstPart() {
        Sampled sampled = (Sampled) run("s = sample data 30% seed 7");
        run("a, b = split data 30/70 seed 7");
        assertEquals(ids("a"), ids("s"));
        assertEquals(ids("a").size(), sampled.rows());
        assertEquals(2000, sampled.sourceRows());
        // And the rule itself, in Java: the rows whose hash falls in the first part of 30/70.
        List<BigDecimal> shares = List.of(new BigDecimal(30), new BigDecimal(70));
        Set<String> expected = new HashSet<>();
        for (String id : ids("data")) {
            if (SplitKey.part(SplitKey.hex16(7, List.of(id)), shares) == 0) {
                expected.add(id);
            }
        }
        assertEquals(expected, ids("s"));
        assertEquals(ids("s"), ids(((Sampled) ws.dataset("data").sample("j", SamplePlan.percent(30).seed(7))).dataset()),
                "the Java API samples the same rows");
    }

    @Test
    void aRowCountSampleHasExactlyThoseRowsOfSmallestHash() {
        Sampled sampled = (Sampled) run("s = sample data 150 seed 3");
        assertEquals(150, sampled.rows());
        List<String> ranked = ids("data").stream()
                .sorted(Comparator.comparing((String id) -> SplitKey.hex16(3, List.of(id)))).toList();
        assertEquals(new HashSet<>(ranked.subList(0, 150)), ids("s"));
        assertEquals(2000, ((Sampled) run("all = sample data 5000")).rows(), "more rows than there are: all of them");
    }

    @Test
    void appendedRowsLeaveOldRowsWhereTheyWere() {
        run("s = sample data 25% seed 11");
        Set<String> before = ids("s");
        run("n = sample data 300 seed 11");
        Set<String> beforeN = ids("n");
        ws.query("SELECT * FROM data UNION ALL SELECT 'new ' || i FROM range(1000) r(i)", "data");
        run("s = sample data 25% seed 11");
        Set<String> after = ids("s");
        after.removeIf(id -> id.startsWith("new "));
        assertEquals(before, after, "a percentage sample keeps exactly the old rows it had");
        run("n = sample data 300 seed 11");
        Set<String> afterN = ids("n");
        afterN.removeIf(id -> id.startsWith("new "));
        assertTrue(beforeN.containsAll(afterN), "a row-count sample only gives up old rows for new ones");
    }

    @Test
    void aFailedSampleLeavesTheDatasetsAsTheyWere() {
        run("s = sample data 10");
        Set<String> kept = ids("s");
        assertThrows(IllegalArgumentException.class, () -> run("s = sample nodata 10"));
        assertEquals(kept, ids("s"));
        assertEquals(2000, ws.dataset("data").count());
    }

    @Test
    void itIsInTheLineageOfWhatIsPinnedFromItInVersionsAndTheReport() {
        run("s = sample data 10% seed 5");
        Pinned pinned = ws.dataset("s").pin("sampled");
        List<String> operations = pinned.version().operations();
        assertEquals("s = sample data 10% seed 5", operations.get(operations.size() - 1), operations.toString());
        assertEquals(operations, ws.versions("sampled").latest().operations());
        assertEquals(operations, ws.dataset("s").report().pins().get(0).version().operations(),
                "the report lists the pin with its lineage");
    }
}
