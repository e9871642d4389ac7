package dev.assay.kernel.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.notebook.NotebookFormatException;
import dev.assay.kernel.notebook.NotebookHtml;
import dev.assay.kernel.notebook.NotebookRunner;
import dev.assay.kernel.notebook.RunningMark;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The child process running a notebook's cells died (killed by the OS out of memory, a crash in
 * native code): nothing of it can report, so the run that started it does. It turns the mark of
 * the cell that was running in the notebook the child last saved into an error output saying how
 * the process died, writes that notebook again (and the HTML page, if asked), and says on stderr
 * which cell it was. The exit code stays the child's, as the OS would give it without a child.
 */
final class DiedRun {

    /** Ename of the error output left on the cell during which the process died. */
    static final String ENAME = "ProcessDied";

    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS",
            8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

    private final int exitCode;
    private final Path notebookFile;
    private final Path page;
    private final String name;

    /** {@code page}: where the HTML page goes, or null when none was asked for. */
    DiedRun(int exitCode, Path notebookFile, Path page, String name) {
        this.exitCode = exitCode;
        this.notebookFile = notebookFile;
        this.page = page;
        this.name = name;
    }

    /** Any exit but the run's own (0 every cell ran, 1 a cell failed, 2 bad input) means its process died. */
    static boolean isDeath(int exitCode) {
        return exitCode != 0 && exitCode != RunCommand.CELL_FAILED && exitCode != RunCommand.BAD_INPUT;
    }

    /** "killed by SIGKILL (exit 137)", or "exit code 3" for an exit that no signal caused. */
    static String how(int exitCode) {
        if (exitCode > 128 && exitCode < 128 + 65) {
            int signal = exitCode - 128;
            return "killed by " + SIGNALS.getOrDefault(signal, "signal " + signal) + " (exit " + exitCode + ")";
        }
        return "exit code " + exitCode;
    }

    private static String why(int exitCode) {
        return switch (exitCode - 128) {
            case 9 -> ", as the OS ends a process that runs out of memory";
            case 6, 11, 7 -> ", after a crash in native code (see hs_err_pid*.log in the notebook's folder)";
            default -> "";
        };
    }

    void report(PrintStream err) {
        String how = how(exitCode);
        ObjectNode document;
        try {
            document = NotebookRunner.read(notebookFile);
        } catch (NotebookFormatException e) {
            err.println("assay run: the process running the notebook died (" + how + ") before saving it: "
                    + e.getMessage());
            return;
        }
        OptionalInt cell = RunningMark.runningCell(document);
        if (cell.isEmpty()) {
            err.println("assay run: the process running the notebook died (" + how + ") after its last cell; "
                    + notebookFile + " holds every cell that ran");
            return;
        }
        markDied((ObjectNode) document.get("cells").get(cell.getAsInt() - 1), how);
        String wrote = notebookFile.toString();
        try {
            NotebookRunner.write(document, notebookFile);
            if (page != null) {
                NotebookHtml.write(document, name, page);
                wrote += " and " + page;
            }
        } catch (IOException | RuntimeException e) {
            err.println("assay run: cannot write " + (page != null ? page : notebookFile) + ": " + e.getMessage());
        }
        err.println("assay run: the process running the notebook died during cell " + cell.getAsInt() + ": " + how
                + why(exitCode) + "; " + wrote + (page != null ? " hold" : " holds") + " the cells that ran before it");
    }

    private static void markDied(ObjectNode cell, String how) {
        RunningMark.setDied(cell);
        String message = "the process running the notebook died during this cell: " + how;
        ArrayNode outputs = cell.putArray("outputs");
        ObjectNode error = outputs.addObject();
        error.put("output_type", "error");
        error.put("ename", ENAME);
        error.put("evalue", message);
        error.putArray("traceback").add(ENAME + ": " + message);
    }
}
