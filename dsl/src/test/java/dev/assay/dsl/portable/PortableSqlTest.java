package dev.assay.dsl.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.drift.DriftMethod;
import dev.assay.dsl.drift.DriftPlan;
import dev.assay.dsl.engine.Column;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.labels.AssociationScan;
import dev.assay.dsl.labels.ClassCounter;
import dev.assay.dsl.labels.LabelClasses;
import dev.assay.dsl.workspace.Workspace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Profile, drift, diff, check and load write only SQL that Spark reads as DuckDB does: every
 * statement they send is recorded on a real DuckDB, through a dialect that marks its own
 * expressions, and what the operations wrote themselves outside those must be portable
 * ({@link PortableSql}). A DuckDB-only construct written back into them fails here.
 */
class PortableSqlTest {

    @TempDir
    Path dir;
    private RecordingEngine recording;
    private Workspace ws;

    @BeforeEach
    void open() {
        recording = new RecordingEngine(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.parse("1GB")));
        ws = new Workspace(recording.engine(), dir);
        ws.sql(table("a", 0), null);
        ws.sql(table("b", 3), null);
        recording.take();
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** Numbers, texts with e-mails and phone numbers, dates, timestamps, booleans, missing values. */
    private static String table(String name, int shift) {
        return "CREATE TABLE " + name + " AS SELECT range AS id, range % 7 + " + shift + " AS small, (range + "
                + shift + ") / 3.0 AS x, CAST(range AS DOUBLE) * 0.5 AS d,"
                + " CASE WHEN range % 5 = 0 THEN NULL ELSE 'label ' || ((range + " + shift + ") % 4) END AS label,"
                + " CASE WHEN range % 9 = 0 THEN 'write to someone' || range || '@example.com'"
                + " WHEN range % 9 = 1 THEN 'call +1 415 555 ' || (2671 + range) ELSE 'plain words ' || (range % 13) END AS note,"
                + " DATE '2024-01-01' + CAST(range + " + shift + " AS INTEGER) AS day,"
                + " TIMESTAMP '2024-01-01 00:00:00' + to_seconds(range * 3600) AS at, range % 2 = 0 AS flag FROM range(120)";
    }

    private void assertPortable(String operation) {
        List<String> statements = recording.take();
        assertFalse(statements.isEmpty(), operation + " sent no statement through the engine");
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (String statement : statements) {
            List<String> found = PortableSql.problems(statement);
            if (!found.isEmpty()) {
                problems.put(PortableSql.withoutDialect(statement), found);
            }
        }
        assertTrue(problems.isEmpty(), operation + " wrote SQL only DuckDB reads: " + problems);
    }

    @Test
    void labelAssociationsArePortable() {
        List<Column> schema = recording.engine().schema("a");
        Column label = schema.stream().filter(c -> c.name().equals("label")).findFirst().orElseThrow();
        LabelClasses classes = new ClassCounter(recording.engine()).count("a", label);
        new AssociationScan(recording.engine()).measure("a", label, schema.stream().filter(c -> c != label).toList(), classes);
        assertPortable("labels (associations)");
    }

    @Test
    void profileIsPortable() {
        ws.dataset("a").profile();
        assertPortable("profile");
    }

    @Test
    void driftOfEveryMethodIsPortable() {
        ws.dataset("a").drift(ws.dataset("b"));
        for (DriftMethod method : DriftMethod.values()) {
            List<String> columns = method == DriftMethod.TEXT ? List.of("note", "label")
                    : method == DriftMethod.CHI2 ? List.of("label", "small", "flag")
                    : method == DriftMethod.Z ? List.of("flag") : List.of("x", "d", "small", "day");
            ws.dataset("a").drift(ws.dataset("b"), DriftPlan.on(columns).using(method));
        }
        assertPortable("drift");
    }

    @Test
    void diffWithAndWithoutKeysIsPortable() {
        ws.dataset("a").diff(ws.dataset("b"));
        ws.dataset("a").diff(ws.dataset("b"), "id");
        assertPortable("diff");
    }

    @Test
    void checkOfEveryMeasureIsPortable() {
        List<Rule> rules = new ArrayList<>();
        for (String column : List.of("id", "x", "label", "day")) {
            rules.add(Measure.missing(column).atMost(3));
            rules.add(Measure.distinct(column).atLeast(1));
        }
        rules.addAll(List.of(Measure.rows().atLeast(1), Measure.missingCells().atMost(100),
                Measure.min("x").atLeast(0), Measure.max("x").atLeast(0), Measure.mean("d").atLeast(0),
                Measure.pii("note").atMost(500), Measure.drift("b").atMost(10)));
        ws.dataset("a").evaluate(rules);
        assertPortable("check");
    }

    @Test
    void checkAgainstABaselineIsPortable() {
        ws.useStore(dir.resolve("store").toString());
        ws.dataset("b").pin("base");
        recording.take();
        ws.dataset("a").evaluate(dev.assay.dsl.baseline.Baseline.of("base"), Measure.mean("x").withinPercent(10),
                Measure.missing("label").withinSd(3), Rule.schemaUnchanged(), Measure.drift().percent().lessThan(50),
                Measure.freshness("day").atMost(java.time.Duration.ofDays(1)),
                Measure.freshness("at").atMost(java.time.Duration.ofDays(1)));
        assertPortable("check against a baseline");
    }

    @Test
    void loadOfEveryFormatIsPortable() throws IOException {
        Files.writeString(dir.resolve("t.csv"), "id,name\n1,a\n2,b\n");
        Files.writeString(dir.resolve("t.tsv"), "id\tname\n1\ta\n");
        Files.writeString(dir.resolve("t.ndjson"), "{\"id\": 1}\n{\"id\": 2}\n");
        ws.sql("COPY a TO '" + dir.resolve("t.parquet") + "' (FORMAT parquet)", null);
        recording.take();
        for (String file : List.of("t.csv", "t.tsv", "t.ndjson", "t.parquet")) {
            ws.load(file, file.replace('.', '_'), Map.of());
        }
        assertEquals(2, ws.dataset("t_csv").count());
        assertPortable("load");
    }
}
