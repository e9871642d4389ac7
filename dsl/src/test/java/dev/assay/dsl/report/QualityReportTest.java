package dev.assay.dsl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.CheckFailedException;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Dataset;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityReportTest {

    @TempDir
    Path dir;
    private Workspace ws;

    @BeforeEach
    void open() {
        ws = new Workspace(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.fromEnvironment(Map.of())), dir);
        ws.useStore(dir.resolve("store").toString());
        // Six rows counted by hand: one exact duplicate row, two near-identical reviews
        // (differing in case and punctuation only), an e-mail address, one missing label.
        ws.sql("""
                CREATE TABLE reviews AS SELECT * FROM (VALUES
                  (1, 'The battery lasts all day and the screen is bright', 'pos'),
                  (2, 'the battery lasts all day, and the screen is bright!', 'pos'),
                  (3, 'Broke after a week; write to help@example.com for nothing', 'neg'),
                  (4, 'Arrived late and the box was crushed on one side', NULL),
                  (4, 'Arrived late and the box was crushed on one side', NULL),
                  (5, 'Works as described, would buy again from this seller', 'pos')) v(id, review, label)""", null);
        ws.sql("""
                CREATE TABLE later AS SELECT * FROM (VALUES
                  (4, 'Arrived late and the box was crushed on one side', NULL),
                  (6, 'THE BATTERY LASTS ALL DAY AND THE SCREEN IS BRIGHT', 'pos'),
                  (7, 'Stopped charging on the second day, very disappointed', 'neg')) v(id, review, label)""", null);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    @Test
    void constantColumnsOfLargeMagnitudeAreReportedAndCompared() {
        // Issue 20, item 19: above 2^53 a constant range widened by 0.5 stayed empty and binning divided by zero.
        ws.sql("CREATE TABLE big AS SELECT 100000000000000000::BIGINT AS b, 1e17::DOUBLE AS d FROM range(50)", null);
        ws.sql("CREATE TABLE big_too AS SELECT 100000000000000000::BIGINT AS b, 1e17::DOUBLE AS d FROM range(20)", null);
        QualityReport r = ws.dataset("big").report(ws.dataset("big_too"));
        assertEquals(List.of(50L), r.profile().columns().get(0).histogram().counts());
        assertEquals(List.of(50L), r.profile().columns().get(1).histogram().counts());
        assertEquals(0, r.comparison().drift().driftedColumns());
    }

    @Test
    void aReportIsTheOperationsAUserWouldRunByHand() {
        Dataset reviews = ws.dataset("reviews");
        QualityReport r = reviews.report();

        assertEquals(6, r.profile().rows());
        assertEquals(3, r.profile().columns().size());
        assertEquals(1, r.duplicateRows().duplicateRows(), "the second (4, 'Arrived late ...') row");
        assertEquals("review", r.textColumn(), "the long text column, not the short label");
        assertEquals(4, r.nearDuplicates().near().rowsInClusters(), "the two battery reviews and the two late ones");
        assertTrue(r.profile().findings().stream().anyMatch(f -> f.kind().equals("pii") && f.column().equals("review")),
                r.profile().findings().toString());
        assertNull(r.comparison());
        assertNull(r.file());
        // The same figures as the operations themselves.
        assertEquals(reviews.duplicates().toJson(), r.duplicateRows().toJson());
        assertEquals(reviews.profile().toJson(), r.profile().toJson());
    }

    @Test
    void againstASecondDatasetItAddsLeakageAndDrift() {
        QualityReport r = ws.dataset("reviews").report(ws.dataset("later"));

        assertEquals("later", r.comparison().versus());
        assertEquals(1, r.comparison().sharedRows().exactOverlapRows(), "row 4 of later is in reviews");
        assertEquals(2, r.comparison().nearShared().nearOverlapRows(),
                "row 4, and the shouted battery review, are near-identical to reviews' text");
        assertEquals(3, r.comparison().drift().columns().size());
        Map<String, Object> json = r.toJson();
        assertEquals("report", json.get("kind"));
        assertEquals(6L, json.get("rows"));
        assertTrue(((Map<?, ?>) json.get("versus")).containsKey("drift"), json.toString());
    }

    @Test
    void theSessionsPinsAndChecksAreListedFailedChecksIncluded() {
        Dataset reviews = ws.dataset("reviews");
        reviews.pin("reviews");
        reviews.check(Measure.rows().atLeast(6));
        assertThrows(CheckFailedException.class, () -> reviews.check(Measure.duplicates().equalTo(0)));

        QualityReport r = reviews.report();
        assertEquals(List.of("reviews"), r.pins().stream().map(p -> p.version().label()).toList());
        assertEquals(List.of(true, false), r.checks().stream().map(c -> c.passed()).toList());
    }

    @Test
    void theLanguageResolvesTheFileAgainstTheNotebooksFolder() {
        Object result = new Interpreter(ws).run(Parser.parse("report reviews vs later to 'out/r.html'").get(0));
        QualityReport r = (QualityReport) result;
        assertEquals(dir.resolve("out/r.html").toAbsolutePath(), r.file());
        assertEquals("later", r.comparison().versus());
    }

    @Test
    void datasetsWithoutAColumnInCommonAreRefused() {
        ws.sql("CREATE TABLE other AS SELECT 1 AS x", null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ws.dataset("reviews").report(ws.dataset("other")));
        assertEquals("reviews and other have no column in common: a report compares datasets of the same columns",
                e.getMessage());
    }
}
