package dev.assay.dsl.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.LanguageAssist;
import dev.assay.dsl.lang.ParseException;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.lang.Position;
import dev.assay.dsl.lang.Statement;
import dev.assay.dsl.statements.HistoryStatement;
import dev.assay.dsl.store.StoredCheck;
import dev.assay.dsl.store.StoredVersion;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code history}'s JSON over a store built by hand: three versions of 200 rows whose numbers are
 * known in closed form (x = 0..199: mean 99.5, sample std sqrt(200 * 201 / 12)), the second
 * shifted by 500 (its x drifts, its c does not), the third with a new column; checks recorded
 * through the store as {@code check} records them.
 */
class MetricHistoryTest {

    @TempDir
    Path dir;
    private Workspace ws;
    private List<StoredVersion> versions;

    @BeforeEach
    void pinThreeVersions() {
        ws = Workspace.embedded();
        ws.useStore(dir.resolve("store").toString());
        pin("SELECT i AS x, 'k' || (i % 3) AS c FROM range(200) t(i)");
        pin("SELECT i + 500 AS x, 'k' || (i % 3) AS c FROM range(200) t(i)");
        pin("SELECT i AS x, 'k' || (i % 3) AS c, i % 2 AS d FROM range(200) t(i)");
        versions = ws.store().versions("t");
        record(versions.get(0), true);
        record(versions.get(1), false);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private void pin(String sql) {
        ws.query(sql, "v");
        ws.dataset("v").pin("t");
    }

    private void record(StoredVersion version, boolean passed) {
        ws.store().write(() -> false, w -> {
            w.recordCheck(version.fingerprint(), new StoredCheck(Instant.now(), "v", passed, List.of("rows > 0"),
                    passed ? List.of() : List.of("rows > 0")));
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> column(Map<String, Object> version, String name) {
        return ((List<Map<String, Object>>) version.get("columns")).stream().filter(c -> c.get("name").equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVersionWithItsStatisticsCheckAndDrift() {
        Map<String, Object> json = ws.history("t").toJson();
        assertEquals("history", json.get("kind"));
        assertEquals("t", json.get("label"));
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json.get("versions");
        assertEquals(3, entries.size());
        for (int k = 0; k < 3; k++) {
            Map<String, Object> e = entries.get(k);
            assertEquals(k + 1, e.get("version"));
            assertEquals(versions.get(k).fingerprint().value(), e.get("fingerprint"));
            assertEquals(versions.get(k).created().toString(), e.get("created"));
            assertEquals(200L, e.get("rows"));
        }
        assertEquals(true, entries.get(0).get("check_passed"));
        assertEquals(false, entries.get(1).get("check_passed"));
        assertNull(entries.get(2).get("check_passed"), "never checked");

        Map<String, Object> x = column(entries.get(0), "x");
        assertEquals(0L, ((Number) x.get("missing")).longValue());
        assertEquals(200L, ((Number) x.get("distinct")).longValue());
        assertEquals(99.5, (Double) x.get("mean"), 1e-12);
        assertEquals(Math.sqrt(200 * 201 / 12.0), (Double) x.get("std"), 1e-9);
        assertEquals(0, ((Number) x.get("min")).intValue());
        assertEquals(199, ((Number) x.get("max")).intValue());
        assertEquals(99.5, ((Number) ((Map<String, Object>) x.get("quantiles")).get("0.5")).doubleValue(), 1e-12);
        assertEquals(599.5, (Double) column(entries.get(1), "x").get("mean"), 1e-12);
        Map<String, Object> c = column(entries.get(0), "c");
        assertEquals(3L, ((Number) c.get("distinct")).longValue());
        assertNull(c.get("mean"), "no mean of text, as the profile shows it");
        assertNull(c.get("quantiles"));
        assertEquals("k0", c.get("min"));
        assertEquals(List.of("x", "c"), ((List<Map<String, Object>>) entries.get(0).get("columns")).stream()
                .map(col -> col.get("name")).toList());
        assertEquals(List.of("x", "c", "d"), ((List<Map<String, Object>>) entries.get(2).get("columns")).stream()
                .map(col -> col.get("name")).toList());

        assertNull(entries.get(0).get("drift_from_previous"), "the first version has no previous one");
        Map<String, Object> shifted = (Map<String, Object>) entries.get(1).get("drift_from_previous");
        assertEquals(List.of("x"), shifted.get("drifted"));
        assertEquals(0.5, shifted.get("drifted_share"));
        Map<String, Object> back = (Map<String, Object>) entries.get(2).get("drift_from_previous");
        assertEquals(List.of("x"), back.get("drifted"), "x moved back; d is in the third version only");
        assertEquals(2, back.get("compared"));
        assertEquals(List.of(), ws.sql("SELECT table_name FROM duckdb_tables() WHERE table_name LIKE '%history%'", null)
                .orElseThrow().rows(), "no scratch table left behind");
    }

    @Test
    @SuppressWarnings("unchecked")
    void onColumnsOnlyAndAColumnSomeVersionsLackIsNullThere() {
        Map<String, Object> json = ws.history("t", List.of("d")).toJson();
        List<Map<String, Object>> entries = (List<Map<String, Object>>) json.get("versions");
        for (int k = 0; k < 3; k++) {
            assertEquals(List.of("d"), ((List<Map<String, Object>>) entries.get(k).get("columns")).stream()
                    .map(col -> col.get("name")).toList());
        }
        Map<String, Object> absent = column(entries.get(0), "d");
        assertNull(absent.get("missing"));
        assertNull(absent.get("mean"));
        assertEquals(0.5, (Double) column(entries.get(2), "d").get("mean"), 1e-12);
        Map<String, Object> drift = (Map<String, Object>) entries.get(1).get("drift_from_previous");
        assertNull(drift.get("drifted_share"), "no asked-for column in both versions");
        assertTrue(((String) drift.get("note")).contains("in common"), drift.toString());

        Map<String, Object> onX = (Map<String, Object>) ((List<Map<String, Object>>) ws.history("t", List.of("x"))
                .toJson().get("versions")).get(1).get("drift_from_previous");
        assertEquals(1.0, onX.get("drifted_share"), "only x compared");
    }

    @Test
    void theStatementParsesCompletesItsLabelAndRuns() {
        assertEquals(List.of("t"), LanguageAssist.complete("history '", 9, ws).matches());
        assertEquals(List.of("history"), LanguageAssist.complete("hist", 4, ws).matches());
        List<Statement> parsed = Parser.parse("history 't' on x, d");
        assertEquals(new HistoryStatement("t", List.of("x", "d"), new Position(1, 1)), parsed.get(0));
        MetricHistory history = (MetricHistory) new Interpreter(ws).run(parsed.get(0));
        assertEquals(List.of("x", "d"), history.columnNames());
        ParseException empty = assertThrows(ParseException.class, () -> Parser.parse("history ''"));
        assertTrue(empty.getMessage().startsWith("line 1, column 9: "), empty.getMessage());
    }

    @Test
    void unknownColumnsAndLabelsAreRefusedWithTheClosestName() {
        IllegalArgumentException column = assertThrows(IllegalArgumentException.class, () -> ws.history("t", List.of("dd")));
        assertEquals("no column 'dd' in any version of 't'; did you mean 'd'?", column.getMessage());
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class, () -> ws.history("tt"));
        assertTrue(label.getMessage().startsWith("no pinned versions of 'tt'"), label.getMessage());
        assertTrue(label.getMessage().contains("did you mean 't'?"), label.getMessage());
    }
}
