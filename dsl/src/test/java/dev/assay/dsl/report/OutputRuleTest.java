package dev.assay.dsl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.SharedData;
import dev.assay.dsl.lang.Interpreter;
import dev.assay.dsl.lang.Parser;
import dev.assay.dsl.workspace.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code report ... to} may write, on real files: inside the working folder by a
 * relative path, anywhere by an absolute one, never into the store, only over a regular file.
 */
class OutputRuleTest {

    @TempDir
    Path temp;
    private Path folder;
    private Path outside;
    private OutputRule rule;

    @BeforeEach
    void folders() throws Exception {
        folder = Files.createDirectories(temp.resolve("notebooks")).toRealPath();
        outside = Files.createDirectories(temp.resolve("elsewhere")).toRealPath();
        Files.createDirectories(folder.resolve(".assay/labels"));
        Files.writeString(folder.resolve(".assay/labels/L.json"), "{\"label\":\"L\"}");
        rule = new OutputRule(folder, folder.resolve(".assay"));
    }

    private String refused(String written) {
        return assertThrows(IllegalArgumentException.class, () -> rule.resolve(written)).getMessage();
    }

    @Test
    void aRelativePathStaysInTheWorkingFolder() throws Exception {
        assertEquals(folder.resolve("out/r.html"), rule.resolve("out/r.html"));
        assertEquals(folder.resolve("r.html"), rule.resolve("./sub/../r.html"));
        String up = refused("../escape.html");
        assertTrue(up.contains("leads out of the working folder " + folder) && up.contains("give the absolute path"), up);
        Files.createSymbolicLink(folder.resolve("away"), outside);
        String linked = refused("away/r.html");
        assertTrue(linked.contains("leads out of the working folder") && linked.contains(outside.toString()), linked);
    }

    @Test
    void anAbsolutePathGoesWhereItSays() {
        assertEquals(outside.resolve("r.html"), rule.resolve(outside.resolve("r.html").toString()));
    }

    @Test
    void theStoreIsNeverWritten() throws Exception {
        String label = refused(".assay/labels/L.json");
        assertTrue(label.contains("inside the store of pinned versions"), label);
        assertTrue(refused(folder.resolve(".assay/new.html").toString()).contains("inside the store"));
        Files.createSymbolicLink(folder.resolve("labels"), folder.resolve(".assay/labels"));
        assertTrue(refused("labels/L.json").contains("inside the store"));
        assertEquals("{\"label\":\"L\"}", Files.readString(folder.resolve(".assay/labels/L.json")));
    }

    @Test
    void onlyARegularFileIsReplaced() throws Exception {
        assertTrue(refused("/dev/full").contains("'/dev/full' is a character device, not a regular file"), refused("/dev/full"));
        Files.createDirectories(folder.resolve("out"));
        assertTrue(refused("out").contains("is a folder"), refused("out"));
        Path fifo = folder.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        assertTrue(refused("pipe").contains("a FIFO"), refused("pipe"));
        Files.createSymbolicLink(folder.resolve("null.html"), Path.of("/dev/null"));
        assertTrue(refused(folder.resolve("null.html").toString()).contains("character device"));
        Files.writeString(folder.resolve("old.html"), "old");
        Files.createSymbolicLink(folder.resolve("latest.html"), folder.resolve("old.html"));
        assertEquals(folder.resolve("old.html"), rule.resolve("latest.html"), "a link to a file is followed");
        Files.writeString(folder.resolve("plain"), "x");
        assertTrue(refused("plain/r.html").contains("is not a folder"), refused("plain/r.html"));
    }

    @Test
    void theReportStatementAppliesTheRuleBeforeItRuns() {
        try (Workspace ws = new Workspace(Workspace.embedded().engine(), folder)) {
            ws.useStore(".assay");
            ws.load(SharedData.file("iris.csv").toString(), "iris", Map.of());
            Interpreter interpreter = new Interpreter(ws);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> interpreter.run(Parser.parse("report iris to '.assay/labels/L.json'").get(0)));
            assertTrue(e.getMessage().contains("inside the store"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> ws.dataset("iris").report().to(Path.of("../x.html")));
            QualityReport placed = (QualityReport) interpreter.run(Parser.parse("report iris to 'r.html'").get(0));
            assertEquals(folder.resolve("r.html"), placed.file());
        }
    }
}
