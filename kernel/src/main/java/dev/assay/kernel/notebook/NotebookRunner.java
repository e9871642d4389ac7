package dev.assay.kernel.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.exec.CellExecutor;
import dev.assay.kernel.exec.ExecuteOutcome;
import dev.assay.kernel.exec.ExecuteRequest;
import dev.assay.kernel.exec.InputSource;
import dev.assay.kernel.protocol.KernelInfo;
import dev.assay.kernel.transport.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Executes a notebook's code cells in order through the cell executor, with no ZeroMQ, and
 * writes the executed notebook. On the first failing cell it stops: later cells keep no
 * outputs and no execution count, and the notebook is still written. Before each cell it
 * saves the notebook through its {@link RunCheckpoint}, that cell marked as running, so that a
 * process that dies mid-run leaves every cell that ran.
 */
public final class NotebookRunner {

    /** What a run did: how many cells ran and the first failure, if any. */
    public record Result(int cellsRun, int failedCell, String failure) {
        public boolean ok() {
            return failure == null;
        }
    }

    private static final InputSource NO_INPUT = InputSource.unavailable(
            "a headless run has nobody to answer; give the value as a notebook parameter instead");

    private final CellExecutor executor;
    private final PrintStream progress;
    private final Duration cellTimeout;
    private final RunCheckpoint checkpoint;

    /**
     * A run that interrupts any cell still running after {@code cellTimeout} (null: no limit) and
     * fails it, and saves the notebook through {@code checkpoint} before each cell.
     */
    public NotebookRunner(CellExecutor executor, PrintStream progress, Duration cellTimeout,
            RunCheckpoint checkpoint) {
        this.executor = executor;
        this.progress = progress;
        this.cellTimeout = cellTimeout;
        this.checkpoint = checkpoint;
    }

    /** Reads and checks a notebook file: nbformat 4 with a list of cells. */
    public static ObjectNode read(Path file) throws NotebookFormatException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new NotebookFormatException("notebook not found: " + file, e);
        } catch (JsonProcessingException e) {
            throw new NotebookFormatException(file + " is not valid JSON (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new NotebookFormatException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (json == null || !json.isObject()) {
            throw new NotebookFormatException(file + " is not a notebook: expected a JSON object");
        }
        if (json.path("nbformat").asInt(0) != 4) {
            throw new NotebookFormatException(file + " is not an nbformat 4 notebook (nbformat is "
                    + json.path("nbformat") + ")");
        }
        if (!json.path("cells").isArray()) {
            throw new NotebookFormatException(file + " has no list of cells");
        }
        return (ObjectNode) json;
    }

    /**
     * Makes the notebook what it is before its first cell runs, as papermill does: no code cell
     * keeps an output, an execution count or an in-progress mark of an earlier run, so that a
     * notebook saved mid-run shows only what this run did. The kernel is named in the metadata.
     */
    public static void prepare(ObjectNode notebook) {
        for (JsonNode node : notebook.get("cells")) {
            if (isCode(node)) {
                ObjectNode cell = (ObjectNode) node;
                cell.putArray("outputs");
                cell.putNull("execution_count");
                RunningMark.clear(cell);
            }
        }
        ObjectNode metadata = notebook.withObjectProperty("metadata");
        ObjectNode kernelspec = metadata.putObject("kernelspec");
        kernelspec.put("name", "assay").put("display_name", "Assay (Java)").put("language", "java");
        metadata.set("language_info", KernelInfo.languageInfo());
    }

    public Result run(ObjectNode notebook) {
        prepare(notebook);
        ArrayNode cells = (ArrayNode) notebook.get("cells");
        int codeCells = 0;
        for (JsonNode cell : cells) {
            if (isCode(cell)) {
                codeCells++;
            }
        }
        int index = 0;
        int ran = 0;
        Result result = null;
        Map<String, List<ObjectNode>> displays = new HashMap<>();
        for (JsonNode node : cells) {
            index++;
            if (!isCode(node)) {
                continue;
            }
            ObjectNode cell = (ObjectNode) node;
            String source = source(cell);
            if (result != null || source.isBlank()) {
                // Cells after a failure do not run; nor, as in Jupyter clients, does an empty one.
                continue;
            }
            progress.printf("[%d/%d] cell %d ...%n", ran + 1, codeCells, index);
            long start = System.nanoTime();
            Instant started = Instant.now();
            recordStart(cell, started);
            RunningMark.set(cell);
            checkpoint.save(notebook);
            NotebookOutputs outputs = new NotebookOutputs(displays);
            CellTimer timer = CellTimer.start(cellTimeout, executor::interrupt);
            ExecuteOutcome outcome;
            try {
                outcome = executor.execute(new ExecuteRequest(source, false, true, Map.of(), true, true),
                        outputs, NO_INPUT);
            } finally {
                timer.cancel();
            }
            ran++;
            RunningMark.clear(cell);
            cell.set("outputs", outputs.outputs());
            cell.put("execution_count", outcome.executionCount());
            recordEnd(cell, Instant.now());
            progress.printf("[%d/%d] cell %d %s in %.2f s%n", ran, codeCells, index,
                    outcome.ok() ? "done" : timer.fired() ? "TIMED OUT" : "FAILED", (System.nanoTime() - start) / 1e9);
            if (!outcome.ok()) {
                String failure = timer.fired()
                        ? "the cell ran longer than --timeout " + timer.limitText() + " and was interrupted"
                        : outcome.error().ename() + ": " + outcome.error().evalue();
                progress.println("cell " + index + " failed:");
                outcome.error().traceback().forEach(line -> progress.println("  " + line.replaceAll("\u001b\\[[0-9;]*m", "")));
                result = new Result(ran, index, failure);
            }
        }
        return result != null ? result : new Result(ran, 0, null);
    }

    /** When the cell started, as nbclient records it: a cell with a start and no end was running. */
    private static void recordStart(ObjectNode cell, Instant started) {
        ObjectNode execution = cell.withObjectProperty("metadata").putObject("execution");
        execution.put("iopub.status.busy", started.toString());
        execution.put("shell.execute_reply.started", started.toString());
    }

    /**
     * When the cell ended; with {@link #recordStart}, the keys JupyterLab and nbclient use for a
     * cell's timing ({@code metadata.execution}), so the run's timings show as an interactive run's do.
     */
    private static void recordEnd(ObjectNode cell, Instant ended) {
        ObjectNode execution = cell.withObjectProperty("metadata").withObjectProperty("execution");
        execution.put("shell.execute_reply", ended.toString());
        execution.put("iopub.status.idle", ended.toString());
    }

    /** Writes the notebook as nbformat does (one-space indent), atomically. */
    public static void write(ObjectNode notebook, Path file) throws IOException {
        writeAtomically(file, out -> NotebookSerializer.writePlain(notebook, out));
    }

    /** What goes into a file written by {@link #writeAtomically}. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes the content aside and renames it over {@code file}: a process killed at any moment
     * leaves the old file or the new one, whole.
     */
    static void writeAtomically(Path file, Content content) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        // Not createTempFile: its file is private (0600) and the notebook would keep that mode
        // after the rename; a plain new file gets the user's usual permissions.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static boolean isCode(JsonNode cell) {
        return cell.isObject() && "code".equals(cell.path("cell_type").asText());
    }

    static String source(JsonNode cell) {
        return multiline(cell.path("source"));
    }

    /** nbformat's multi-line strings (sources, stream text, MIME data): one string or a list of lines. */
    static String multiline(JsonNode value) {
        if (value.isArray()) {
            StringBuilder text = new StringBuilder();
            value.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return value.asText("");
    }
}
