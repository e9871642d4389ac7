package dev.assay.dsl.split;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.workspace.Workspace;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Split properties on generated data: stability under growth, exact strata, whole groups, engines and files. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SplitTest {

    private Workspace ws;

    @BeforeAll
    void open() {
        ws = Workspace.embedded();
        // 10,000 rows (an id, a user as group, a skewed label, a time, a text) and one row repeated 500 times.
        ws.query("SELECT i AS id, 'u' || (i % 700) AS user_id, CASE WHEN i % 10 < 7 THEN 'ham' WHEN i % 10 < 9 THEN 'spam' "
                + "ELSE 'other' END AS label, TIMESTAMP '2024-01-01' + INTERVAL (i) MINUTE AS ts, 'text ' || (i * 7919 % 10007) "
                + "AS text FROM range(10000) r(i) UNION ALL SELECT 424242, 'u1', 'ham', TIMESTAMP '2023-01-01', 'same' "
                + "FROM range(500) r(i) ORDER BY 1", "data");
    }

    @AfterAll
    void close() {
        ws.close();
    }

    private Map<Long, String> partOfId(List<String> parts) {
        Map<Long, String> out = new HashMap<>();
        for (String part : parts) {
            for (List<Object> row : ws.engine().smallResult("SELECT DISTINCT id FROM " + part)) {
                out.merge(((Number) row.get(0)).longValue(), part, (a, b) -> a + "+" + b);
            }
        }
        return out;
    }

    @Test
    void addingRowsMovesNoOldRow() {
        ws.dataset("data").split(SplitPlan.into("a", "b", "c").percent(80, 10, 10).by("id").seed(11).build());
        Map<Long, String> before = partOfId(List.of("a", "b", "c"));
        ws.query("SELECT * FROM data UNION ALL SELECT i + 100000, 'new', 'ham', TIMESTAMP '2025-01-01', 'new ' || i "
                + "FROM range(2100) r(i)", "grown"); // 20% more rows
        ws.dataset("grown").split(SplitPlan.into("a", "b", "c").percent(80, 10, 10).by("id").seed(11).build());
        Map<Long, String> after = partOfId(List.of("a", "b", "c"));
        before.forEach((id, part) -> assertEquals(part, after.get(id), "row " + id + " moved"));
        assertEquals(before.size() + 2100, after.size());
    }

    @Test
    void hashPartsAreNearTheirSharesAndMatchTheJavaTwin() {
        SplitResult r = ws.dataset("data").split(SplitPlan.into("a", "b").percent(70, 30).by("id", "label").seed(5).build());
        assertEquals(10_500, r.rows());
        assertTrue(Math.abs(r.parts().get(0).fraction() - 0.7) < 0.02, "share " + r.parts().get(0).fraction());
        for (List<Object> row : ws.engine().smallResult("SELECT id::VARCHAR, label, 'a' FROM a USING SAMPLE 50 ROWS "
                + "UNION ALL SELECT id::VARCHAR, label, 'b' FROM b USING SAMPLE 50 ROWS")) {
            String hex = SplitKey.hex16(5, List.of((String) row.get(0), (String) row.get(1)));
            int part = SplitKey.part(hex, List.of(BigDecimal.valueOf(70), BigDecimal.valueOf(30)));
            assertEquals(row.get(2), part == 0 ? "a" : "b", "row " + row);
        }
    }

    @Test
    void identicalRowsLandTogetherWithoutStratify() {
        ws.dataset("data").split(SplitPlan.into("a", "b", "c").percent(34, 33, 33).build());
        long partsHoldingSame = ws.engine().smallResult("SELECT (SELECT count(*) > 0 FROM a WHERE text = 'same')::INT "
                + "+ (SELECT count(*) > 0 FROM b WHERE text = 'same')::INT + (SELECT count(*) > 0 FROM c WHERE text = 'same')::INT")
                .stream().mapToLong(r -> ((Number) r.get(0)).longValue()).sum();
        assertEquals(1, partsHoldingSame);
    }

    @Test
    void stratifiedPartsAreExactWithinEachLabel() {
        SplitResult r = ws.dataset("data").split(SplitPlan.into("train", "valid", "test").percent(80, 10, 10)
                .stratify("label").seed(3).build());
        Map<String, Long> totals = new HashMap<>();
        for (List<Object> row : ws.engine().smallResult("SELECT label, count(*) FROM data GROUP BY 1")) {
            totals.put((String) row.get(0), ((Number) row.get(1)).longValue());
        }
        double[] shares = {0.8, 0.1, 0.1};
        for (int i = 0; i < 3; i++) {
            SplitResult.Part part = r.parts().get(i);
            for (Map.Entry<String, Long> t : totals.entrySet()) {
                long got = part.labelCounts().get(t.getKey());
                double exact = t.getValue() * shares[i];
                assertTrue(Math.abs(got - exact) <= 1, part.name() + "/" + t.getKey() + ": " + got + " vs " + exact);
                long inTable = ((Number) ws.engine().smallResult("SELECT count(*) FROM " + part.name() + " WHERE label = '"
                        + t.getKey() + "'").get(0).get(0)).longValue();
                assertEquals(got, inTable);
            }
        }
        // Seeded: the same seed gives the same parts, another seed other parts.
        long before = ((Number) ws.engine().smallResult("SELECT sum(id) FROM test").get(0).get(0)).longValue();
        ws.dataset("data").split(SplitPlan.into("train", "valid", "test").percent(80, 10, 10).stratify("label").seed(3).build());
        assertEquals(before, ((Number) ws.engine().smallResult("SELECT sum(id) FROM test").get(0).get(0)).longValue());
        ws.dataset("data").split(SplitPlan.into("train", "valid", "test").percent(80, 10, 10).stratify("label").seed(4).build());
        assertTrue(before != ((Number) ws.engine().smallResult("SELECT sum(id) FROM test").get(0).get(0)).longValue());
    }

    @Test
    void groupsStayWhole() {
        ws.dataset("data").split(SplitPlan.into("a", "b", "c").percent(60, 20, 20).group("user_id").seed(9).build());
        List<List<Object>> split = ws.engine().smallResult("SELECT user_id, count(DISTINCT part) FROM (SELECT user_id, 'a' AS part "
                + "FROM a UNION ALL SELECT user_id, 'b' FROM b UNION ALL SELECT user_id, 'c' FROM c) GROUP BY 1 HAVING count(DISTINCT part) > 1");
        assertEquals(List.of(), split, "users in more than one part");
    }

    @Test
    void orderByPutsTheEarliestRowsFirst() {
        SplitResult r = ws.dataset("data").split(SplitPlan.into("past", "future").percent(90, 10).orderBy("ts").build());
        assertEquals(9450, r.parts().get(0).rows());
        List<Object> edges = ws.engine().smallResult("SELECT (SELECT max(ts) FROM past) <= (SELECT min(ts) FROM future)").get(0);
        assertEquals(true, edges.get(0));
    }

    @Test
    void csvAndParquetGiveTheSameAssignment(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("d.csv");
        Path parquet = dir.resolve("d.parquet");
        ws.sql("COPY (SELECT id, label, text FROM data) TO '" + csv + "' (HEADER)", null);
        ws.sql("COPY (SELECT id, label, text FROM data) TO '" + parquet + "' (FORMAT parquet)", null);
        ws.load(csv.toString(), "from_csv", Map.of());
        ws.load(parquet.toString(), "from_parquet", Map.of());
        ws.dataset("from_csv").split(SplitPlan.into("c1", "c2").percent(50, 50).seed(2).build());
        ws.dataset("from_parquet").split(SplitPlan.into("p1", "p2").percent(50, 50).seed(2).build());
        assertTrue(Files.size(csv) > 0);
        List<List<Object>> differ = ws.engine().smallResult("(SELECT * FROM c1 EXCEPT ALL SELECT * FROM p1) UNION ALL "
                + "(SELECT * FROM p1 EXCEPT ALL SELECT * FROM c1)");
        assertEquals(List.of(), differ);
    }

    @Test
    void aPartMayTakeTheSourcesName() {
        ws.query("SELECT * FROM range(100) r(id)", "numbers");
        SplitResult r = ws.dataset("numbers").split(SplitPlan.into("numbers", "rest").percent(50, 50).build());
        assertEquals(100, r.rows());
        assertEquals(r.parts().get(0).rows(), ws.dataset("numbers").count());
    }

    @Test
    void badPlansAreRefusedWithTheReason() {
        assertEquals("the percentages add up to 90, not 100", assertThrows(IllegalArgumentException.class, () ->
                ws.dataset("data").split(SplitPlan.into("a", "b").percent(80, 10).build())).getMessage());
        assertEquals("3 percentages for 2 names: give one percentage for each of a, b", assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("data").split(SplitPlan.into("a", "b").percent(80, 10, 10).build())).getMessage());
        assertEquals("no column 'lable' in data; did you mean 'label'?", assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("data").split(SplitPlan.into("a", "b").percent(80, 20).stratify("lable").build())).getMessage());
        assertEquals("the parts need different names: a, a", assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("data").split(SplitPlan.into("a", "a").percent(80, 20).build())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ws.dataset("data").split(SplitPlan.into("a", "b")
                .percent(80, 20).group("user_id").stratify("label").build())).getMessage().contains("cannot be combined"));
    }

    /** Issue 20 item 10: 'exact' cuts a hash ranking at round(n * share): the sizes asked for, on any seed. */
    @Test
    void exactGivesTheSharesAskedForOnEverySeed() {
        ws.load(SharedData.file("titanic.csv").toString(), "titanic", Map.of());
        for (long seed = 1; seed <= 5; seed++) {
            SplitResult r = ws.dataset("titanic").split(SplitPlan.into("tr", "te").percent(80, 20).seed(seed).exact().build());
            assertEquals(List.of(713L, 178L), r.parts().stream().map(SplitResult.Part::rows).toList(), "891 * 0.8 = 712.8");
            assertEquals("hash-exact", r.method());
            assertEquals(null, r.note());
        }
        SplitResult three = ws.dataset("data").split(SplitPlan.into("a", "b", "c").percent(70, 15, 15).by("id").seed(3).exact().build());
        // 10,500 rows: cuts at 7,350 and 8,925
        assertEquals(List.of(7_350L, 1_575L, 1_575L), three.parts().stream().map(SplitResult.Part::rows).toList());
        Map<Long, String> first = partOfId(List.of("a", "b", "c"));
        ws.dataset("data").split(SplitPlan.into("a", "b", "c").percent(70, 15, 15).by("id").seed(3).exact().build());
        assertEquals(first, partOfId(List.of("a", "b", "c")), "deterministic");
        assertEquals("'exact' and 'group' cannot be combined: keeping each group whole decides the part sizes",
                assertThrows(IllegalArgumentException.class, () -> ws.dataset("data")
                        .split(SplitPlan.into("a", "b").percent(50, 50).group("user_id").exact().build())).getMessage());
    }

    /**
     * A hash split says how far its sizes may stray; the spread it states is checked against
     * the spread measured over 40 seeds (the sample standard deviation of the first part's share).
     */
    @Test
    void aHashSplitStatesTheSpreadItsSizesHave() {
        ws.load(SharedData.file("titanic.csv").toString(), "titanic", Map.of());
        double[] shares = new double[40];
        String note = null;
        for (int seed = 0; seed < shares.length; seed++) {
            SplitResult r = ws.dataset("titanic").split(SplitPlan.into("tr", "te").percent(80, 20).seed(seed).build());
            shares[seed] = 100 * r.parts().get(0).fraction();
            note = r.note();
        }
        Matcher stated = Pattern.compile("with 891 rows the first part's share is 80% "
                + "± ([0-9.]+) points").matcher(note);
        assertTrue(stated.find(), note);
        double claimed = Double.parseDouble(stated.group(1));
        double mean = Arrays.stream(shares).average().orElseThrow();
        double measured = Math.sqrt(Arrays.stream(shares).map(x -> (x - mean) * (x - mean)).sum() / (shares.length - 1));
        assertTrue(measured > 0.6 * claimed && measured < 1.5 * claimed, "claimed " + claimed + ", measured " + measured);
        assertTrue(note.contains("'exact'"), note);
        assertEquals(null, ws.dataset("titanic").split(SplitPlan.into("tr", "te").percent(80, 20).stratify("survived")
                .build()).note(), "stratified parts are exact already");
    }

    /** Issue 20 item 10: every column clause of a split goes through the same did-you-mean. */
    @Test
    void everyColumnClauseSuggestsTheClosestColumn() {
        for (SplitPlan plan : List.of(SplitPlan.into("a", "b").percent(50, 50).by("lable").build(),
                SplitPlan.into("a", "b").percent(50, 50).stratify("lable").build(),
                SplitPlan.into("a", "b").percent(50, 50).group("lable").build(),
                SplitPlan.into("a", "b").percent(50, 50).orderBy("lable").build())) {
            assertEquals("no column 'lable' in data; did you mean 'label'?", assertThrows(IllegalArgumentException.class,
                    () -> ws.dataset("data").split(plan)).getMessage());
        }
    }
}
