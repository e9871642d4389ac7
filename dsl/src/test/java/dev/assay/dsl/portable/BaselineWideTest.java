package dev.assay.dsl.portable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.baseline.Baseline;
import dev.assay.dsl.check.CheckResult;
import dev.assay.dsl.check.Measure;
import dev.assay.dsl.check.Rule;
import dev.assay.dsl.engine.DuckDbEngine;
import dev.assay.dsl.engine.MemoryLimit;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check against a baseline with a rule on each of 1,000 columns: the current values come from
 * the check's one scan and the baseline's from the metrics kept with the version, so the number
 * of statements does not grow with the columns.
 */
class BaselineWideTest {

    private static final int COLUMNS = 1_000;

    @TempDir
    Path dir;
    private RecordingEngine recording;
    private Workspace ws;

    @BeforeEach
    void open() {
        recording = new RecordingEngine(new DuckDbEngine(dir.resolve("spill"), MemoryLimit.parse("1GB")));
        ws = new Workspace(recording.engine(), dir);
        ws.useStore(dir.resolve("store").toString());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    /** {@code c0 .. c999}: the row number times the column's number plus {@code shift}, a few rows. */
    private void table(String name, int shift) {
        StringBuilder sql = new StringBuilder("CREATE OR REPLACE TABLE " + name + " AS SELECT ");
        for (int c = 0; c < COLUMNS; c++) {
            sql.append(c == 0 ? "" : ", ").append("(i * ").append(c + 1).append(" + ").append(shift).append(")::DOUBLE AS c")
                    .append(c);
        }
        ws.sql(sql.append(" FROM range(8) t(i)").toString(), null);
    }

    @Test
    void aRuleOnEachOfAThousandColumnsTakesAFewStatements() {
        table("v", 0);
        ws.dataset("v").pin("wide"); // one version: each pin profiles its 1,000 columns
        table("now", 1);
        List<Rule> rules = new ArrayList<>();
        for (int c = 0; c < COLUMNS; c++) {
            rules.add(Measure.mean("c" + c).withinPercent(50));
            rules.add(Measure.max("c" + c).withinSd(3)); // fails: one version is too few, read from metrics all the same
        }
        rules.add(Rule.schemaUnchanged());
        recording.take();
        CheckResult result = ws.dataset("now").evaluate(Baseline.of("wide"), rules);
        List<String> statements = recording.take();
        assertEquals(2 * COLUMNS + 1, result.rules().size());
        for (int c = 0; c < COLUMNS; c++) {
            assertTrue(result.rules().get(2 * c).passed(), result.rules().get(2 * c)::toString);
            assertEquals(List.of(1), result.rules().get(2 * c + 1).baseline().versions());
        }
        assertTrue(result.rules().get(2 * COLUMNS).passed());
        assertTrue(statements.size() <= 10, "statements of the check: " + statements.size());
    }
}
