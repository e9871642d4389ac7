package dev.assay.kernel.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.assay.dsl.workspace.Workspace;
import dev.assay.kernel.api.Notebook;
import dev.assay.viz.RendererRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The executor runs cells in the workspace it is given; it does not build one of its own. */
class GivenWorkspaceTest {

    @TempDir
    Path folder;

    @Test
    void cellsAndTheNotebookApiUseTheGivenWorkspace() throws IOException {
        Files.writeString(folder.resolve("tiny.csv"), "id,label\n1,a\n2,b\n3,a\n");
        // Relative paths resolve against the given workspace's folder, not the working directory.
        Workspace given = new Workspace(Workspace.embedded().engine(), folder);
        try (StreamCapture streams = StreamCapture.install();
             CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams, given)) {
            assertSame(given, Notebook.workspace(), "the assay object of Java cells serves the given workspace");

            RecordingSink sink = new RecordingSink();
            executor.execute(ExecuteRequest.of("%%assay\ntiny = load 'tiny.csv'"), sink);

            assertFalse(sink.kinds().contains("error"), () -> "the load failed: " + sink.events);
            assertEquals(List.of("tiny"), given.datasets());
            assertEquals(3, given.dataset("tiny").count());

            RecordingSink fromJava = new RecordingSink();
            executor.execute(ExecuteRequest.of("assay.dataset(\"tiny\").count()"), fromJava);
            assertEquals("3", fromJava.result());
        }
    }

    @Test
    void closingTheExecutorClosesTheWorkspaceItWasGiven() throws IOException {
        Files.writeString(folder.resolve("one.csv"), "x\n1\n");
        Workspace given = new Workspace(Workspace.embedded().engine(), folder);
        try (StreamCapture streams = StreamCapture.install()) {
            CellExecutor executor = new CellExecutor(RendererRegistry.withDefaults(), streams, given);
            executor.execute(ExecuteRequest.of("%%assay\none = load 'one.csv'"), new RecordingSink());
            executor.close();
        }
        assertTrue(threwAfterClose(given), "the workspace is closed with the executor that owns it");
    }

    private static boolean threwAfterClose(Workspace workspace) {
        try {
            workspace.dataset("one").count();
            return false;
        } catch (RuntimeException expected) {
            return true;
        }
    }
}
