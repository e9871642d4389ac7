package dev.assay.dsl.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.duplicates.Match;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.split.SplitPlan;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Datasets are SQL tables, whose names DuckDB compares without case: a second name that
 * differs from an existing one only in case is refused, naming the existing one, and the
 * existing dataset keeps its rows; the same spelling rebinds as before.
 */
class DatasetNameCaseTest {

    private static final Path IRIS = SharedData.file("iris.csv");
    private static final Path TITANIC = SharedData.file("titanic.csv");

    private Workspace ws;

    @BeforeEach
    void open() {
        ws = Workspace.embedded();
        ws.load(IRIS.toString(), "train", Map.of());
    }

    @AfterEach
    void close() {
        ws.close();
    }

    private Object run(String statement) {
        return new Interpreter(ws).run(Parser.parse(statement).get(0));
    }

    private void assertRefusedAndTrainKept(Runnable bind, String newName) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bind::run);
        assertTrue(e.getMessage().contains("'" + newName + "'") && e.getMessage().contains("dataset 'train' exists")
                && e.getMessage().contains("differ only in case"), e.getMessage());
        assertEquals(List.of("train"), ws.datasets().stream().filter(n -> n.equalsIgnoreCase("train")).toList());
        assertEquals(150, ws.dataset("train").count(), "train keeps iris' rows");
    }

    @Test
    void theLanguageRefusesANameDifferingOnlyInCase() {
        assertRefusedAndTrainKept(() -> run("TRAIN = load '" + TITANIC + "'"), "TRAIN");
        assertRefusedAndTrainKept(() -> run("Train = dedup train"), "Train");
        assertRefusedAndTrainKept(() -> run("tRain, test = split train 50/50"), "tRain");
        IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
                () -> run("train_a, TRAIN_A = split train 50/50"));
        assertEquals("'train_a' and 'TRAIN_A' are one dataset name: names that differ only in case are the same "
                + "table in SQL", twice.getMessage());
        assertTrue(ws.datasets().stream().noneMatch(n -> n.equalsIgnoreCase("train_a")));
    }

    @Test
    void sqlCellsAndTheJavaApiRefuseItToo() {
        assertRefusedAndTrainKept(() -> ws.sql("SELECT 1 AS x", "TRAIN"), "TRAIN");
        assertRefusedAndTrainKept(() -> ws.query("SELECT 1 AS x", "Train"), "Train");
        assertRefusedAndTrainKept(() -> ws.load(TITANIC.toString(), "TRAIN", Map.of()), "TRAIN");
        assertRefusedAndTrainKept(() -> ws.dataset("train").dedup("TRAIN", Match.allColumns()), "TRAIN");
        assertRefusedAndTrainKept(() -> ws.dataset("train").split(SplitPlan.into("TRAIN", "rest").percent(50, 50)), "TRAIN");
    }

    @Test
    void theSameSpellingStillRebinds() {
        run("train = load '" + TITANIC + "'");
        assertEquals(891, ws.dataset("train").count());
        ws.sql("SELECT 1 AS x", "train");
        assertEquals(1, ws.dataset("train").count());
    }

    @Test
    void askingForAnotherCaseSuggestsTheName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run("profile TRAIN"));
        assertTrue(e.getMessage().startsWith("no dataset 'TRAIN'; did you mean 'train'?"), e.getMessage());
    }
}
