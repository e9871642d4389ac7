package dev.assay.kernel.exec;

import dev.assay.kernel.java.Completion;
import java.util.Optional;

/**
 * What the protocol handlers need from execution, and all they may use: run a cell, assist
 * while typing, stop a cell, read history. {@link CellExecutor} is the real one; the protocol's
 * tests use a fake, so shell and control are tested without JShell or sockets.
 */
public interface Execution {

    /**
     * Runs one cell (after any running or queued before it) and returns when all its output
     * has been handed to {@code sink}; {@code input} answers the cell's requests for input.
     */
    ExecuteOutcome execute(ExecuteRequest request, OutputSink sink, InputSource input);

    /** Completions at {@code cursor} (a char index into {@code code}). */
    Completion complete(String code, int cursor);

    /** What to show about the name at {@code cursor}, if anything. */
    Optional<String> inspect(String code, int cursor);

    /** {@code complete}, {@code incomplete}, {@code invalid} or {@code unknown}, as is_complete_reply says. */
    String completeness(String code);

    /** The count of the last cell stored in history (0 before the first). */
    int executionCount();

    History history();

    /** Stops the running cell, if any; called from another thread than the one running cells. */
    void interrupt();
}
