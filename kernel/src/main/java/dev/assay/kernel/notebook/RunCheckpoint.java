package dev.assay.kernel.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where a headless run saves its notebook as it goes: before each cell, with that cell marked
 * as running ({@link RunningMark}), so that a process killed at any moment (the OS's
 * out-of-memory killer, a crash in native code) leaves the cells that ran and their outputs.
 */
@FunctionalInterface
public interface RunCheckpoint {

    /** A run that saves nothing as it goes (the notebook is written once, at the end). */
    RunCheckpoint NONE = notebook -> { };

    /** Saves {@code notebook} as it is now; a failure to save must not stop the run. */
    void save(ObjectNode notebook);
}
