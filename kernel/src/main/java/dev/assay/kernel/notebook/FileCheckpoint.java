package dev.assay.kernel.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Saves a run in progress to its output file, atomically ({@link NotebookRunner#writeAtomically}): a
 * process killed at any moment leaves the previous or the next whole notebook, never a
 * truncated one. It guards against the process dying, not the machine: there is no fsync.
 * Cells that did not change since the last save are not serialized again.
 * A save that fails is reported once and the run goes on; the final write reports its own failure.
 */
public final class FileCheckpoint implements RunCheckpoint {

    private final Path file;
    private final PrintStream log;
    private final NotebookSerializer serializer = new NotebookSerializer();
    private boolean warned;

    public FileCheckpoint(Path file, PrintStream log) {
        this.file = file;
        this.log = log;
    }

    @Override
    public void save(ObjectNode notebook) {
        try {
            NotebookRunner.writeAtomically(file, out -> serializer.writeReusing(notebook, out));
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true;
                log.println("assay run: cannot save " + file + " as the run goes (" + e.getMessage()
                        + "); a crash would lose the cells that ran");
            }
        }
    }
}
