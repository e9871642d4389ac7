package dev.assay.kernel.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.OptionalInt;

/**
 * The mark a run leaves on the cell in progress when it saves the notebook: cell
 * {@code metadata.assay.status} is {@code "running"} (papermill's word for it, under our own
 * key). It is taken off when the cell ends, so a notebook whose run finished carries none; a
 * notebook still carrying one was left by a process that stopped during that cell, and a run
 * that outlives that process turns it into {@code "died"}.
 */
public final class RunningMark {

    static final String KEY = "assay";
    static final String STATUS = "status";
    public static final String RUNNING = "running";
    public static final String DIED = "died";

    private RunningMark() {
    }

    static void set(ObjectNode cell) {
        put(cell, RUNNING);
    }

    /** Marks the cell as the one during which the run's process died. */
    public static void setDied(ObjectNode cell) {
        put(cell, DIED);
    }

    /** Takes the mark off, and the {@code assay} metadata object with it if nothing else is in it. */
    static void clear(ObjectNode cell) {
        JsonNode metadata = cell.get("metadata");
        if (metadata instanceof ObjectNode meta && meta.get(KEY) instanceof ObjectNode assay) {
            assay.remove(STATUS);
            if (assay.isEmpty()) {
                meta.remove(KEY);
            }
        }
    }

    /** The 1-based position, among all cells, of the cell marked as running, if one is. */
    public static OptionalInt runningCell(JsonNode notebook) {
        int index = 0;
        for (JsonNode cell : notebook.path("cells")) {
            index++;
            if (RUNNING.equals(cell.path("metadata").path(KEY).path(STATUS).asText(null))) {
                return OptionalInt.of(index);
            }
        }
        return OptionalInt.empty();
    }

    private static void put(ObjectNode cell, String status) {
        cell.withObjectProperty("metadata").withObjectProperty(KEY).put(STATUS, status);
    }
}
