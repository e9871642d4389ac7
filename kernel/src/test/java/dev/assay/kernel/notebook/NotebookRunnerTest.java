package dev.assay.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.StreamCapture;
import dev.assay.kernel.transport.Json;
import dev.assay.viz.RendererRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The saves a run makes as it goes: when, what they hold, and that they cost only the cells that changed. */
class NotebookRunnerTest {

    /** Keeps the text of every save, both as the whole notebook serialized and as a save reusing earlier cells. */
    private static final class RecordingCheckpoint implements RunCheckpoint {
        final List<String> whole = new ArrayList<>();
        final List<String> reused = new ArrayList<>();
        private final NotebookSerializer serializer = new NotebookSerializer();

        @Override
        public void save(ObjectNode notebook) {
            try {
                ByteArrayOutputStream plain = new ByteArrayOutputStream();
                NotebookSerializer.writePlain(notebook, plain);
                whole.add(plain.toString(StandardCharsets.UTF_8));
                ByteArrayOutputStream reusing = new ByteArrayOutputStream();
                serializer.writeReusing(notebook, reusing);
                reused.add(reusing.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ObjectNode notebook(String... sources) {
        ObjectNode nb = Json.object();
        nb.put("nbformat", 4).put("nbformat_minor", 5);
        ArrayNode cells = nb.putArray("cells");
        cells.addObject().put("cell_type", "markdown").put("source", "# Title \u00e9\n\"quoted\"").putObject("metadata");
        for (String source : sources) {
            ObjectNode cell = cells.addObject().put("cell_type", "code").put("source", source);
            // What an earlier run left: a stale output, a count and an in-progress mark.
            cell.putObject("metadata").putObject("assay").put("status", "running");
            cell.putArray("outputs").addObject().put("output_type", "stream").put("name", "stdout").put("text", "stale\n");
            cell.put("execution_count", 7);
        }
        nb.putObject("metadata").put("note", "kept");
        return nb;
    }

    private static RecordingCheckpoint run(ObjectNode nb) {
        RecordingCheckpoint checkpoint = new RecordingCheckpoint();
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams, Workspace.embedded())) {
            new NotebookRunner(executor, streams.log(), null, checkpoint).run(nb);
        }
        return checkpoint;
    }

    private static JsonNode parse(String text) throws IOException {
        return Json.MAPPER.readTree(text);
    }

    @Test
    void savesBeforeEachCellThatCellMarkedRunningAndWhatRanBeforeIt() throws Exception {
        ObjectNode nb = notebook("System.out.println(\"one\");", "   ", "var h = display(\"before\");",
                "h.update(\"after\");", "throw new IllegalStateException(\"stop\");", "System.out.println(\"never\");");
        RecordingCheckpoint saves = run(nb);
        // Cells 2, 4, 5 and 6 run (cell 3 is blank, cell 7 comes after the failure): one save before each.
        int[] running = {2, 4, 5, 6};
        assertEquals(running.length, saves.whole.size());
        for (int i = 0; i < running.length; i++) {
            JsonNode saved = parse(saves.whole.get(i));
            assertEquals(running[i], RunningMark.runningCell(saved).orElse(-1), "save " + i);
            JsonNode cells = saved.path("cells");
            JsonNode current = cells.get(running[i] - 1);
            assertEquals(0, current.path("outputs").size());
            assertTrue(current.path("metadata").path("execution").has("shell.execute_reply.started"));
            assertFalse(current.path("metadata").path("execution").has("shell.execute_reply"), "not ended yet");
            for (int c = 1; c < cells.size(); c++) {
                JsonNode cell = cells.get(c);
                boolean ranBefore = c + 1 < running[i] && c + 1 != 3;
                assertEquals(ranBefore, !cell.path("execution_count").isNull(), "save " + i + ", cell " + (c + 1));
                assertFalse(cell.toString().contains("stale"), "an earlier run's output is gone");
            }
        }
        JsonNode third = parse(saves.whole.get(3)).path("cells").get(3);
        assertEquals("\"after\"", third.path("outputs").get(0).path("data").path("text/plain").asText(),
                "a display updated by a later cell is saved updated");
        assertTrue(RunningMark.runningCell(nb).isEmpty(), "no mark left when the run ends");
        nb.path("cells").forEach(cell -> assertFalse(cell.path("metadata").has("assay"), cell.toString()));
        assertEquals("kept", nb.path("metadata").path("note").asText());
    }

    @Test
    void aSaveReusingUnchangedCellsWritesTheSameTextAsTheWholeNotebook() {
        // The display update changes an earlier cell after it was saved: that cell is written again.
        RecordingCheckpoint saves = run(notebook("var h = display(\"before\");", "System.out.println(\"\\ttab\\n\\u00e9\");",
                "h.update(\"after\");", "1 + 1"));
        assertEquals(4, saves.whole.size());
        assertEquals(saves.whole, saves.reused);
    }
}
