package dev.assay.kernel.notebook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.kernel.transport.Json;
import dev.assay.viz.page.StandalonePage;
import dev.assay.viz.page.notebook.Cell;
import dev.assay.viz.page.notebook.Notebook;
import dev.assay.viz.page.notebook.NotebookPage;
import dev.assay.viz.page.notebook.Output;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An executed notebook (nbformat 4 JSON) as one standalone HTML page. Reading the JSON is the
 * kernel's part; the page itself is {@link NotebookPage}'s, from the plain model read here.
 * Tolerant of what other tools write: missing fields read as empty, not as errors.
 */
public final class NotebookHtml {

    private NotebookHtml() {
    }

    /** The page of {@code notebook}, titled {@code name}. */
    public static String html(JsonNode notebook, String name) {
        List<Cell> cells = new ArrayList<>();
        for (JsonNode cell : notebook.path("cells")) {
            cells.add(cell(cell));
        }
        String kernel = notebook.path("metadata").path("kernelspec").path("display_name").asText(null);
        return NotebookPage.html(new Notebook(name, kernel, cells));
    }

    /** Writes the page of {@code notebook} to {@code file}, whole or not at all. */
    public static void write(JsonNode notebook, String name, Path file) throws IOException {
        StandalonePage.write(file, html(notebook, name));
    }

    private static Cell cell(JsonNode cell) {
        JsonNode count = cell.path("execution_count");
        JsonNode timing = cell.path("metadata").path("execution");
        List<String> tags = new ArrayList<>();
        cell.path("metadata").path("tags").forEach(tag -> tags.add(tag.asText()));
        List<Output> outputs = new ArrayList<>();
        cell.path("outputs").forEach(output -> outputs.add(output(output)));
        Map<String, Map<String, String>> attachments = new LinkedHashMap<>();
        cell.path("attachments").fields().forEachRemaining(a -> attachments.put(a.getKey(), mimeData(a.getValue())));
        return new Cell(cell.path("cell_type").asText("raw"), NotebookRunner.source(cell),
                count.canConvertToInt() ? count.asInt() : null, tags,
                instant(timing.path("shell.execute_reply.started")), instant(timing.path("shell.execute_reply")),
                outputs, attachments);
    }

    private static Output output(JsonNode output) {
        switch (output.path("output_type").asText()) {
            case "stream":
                return new Output.Stream(output.path("name").asText("stdout"), NotebookRunner.multiline(output.path("text")));
            case "error": {
                List<String> traceback = new ArrayList<>();
                output.path("traceback").forEach(line -> traceback.add(line.asText()));
                return new Output.Error(output.path("ename").asText(""), output.path("evalue").asText(""), traceback);
            }
            default: { // display_data, execute_result (and update_display_data, which nbformat does not store)
                Map<String, Integer> widths = new LinkedHashMap<>();
                output.path("metadata").fields().forEachRemaining(m -> {
                    if (m.getValue().path("width").canConvertToInt()) {
                        widths.put(m.getKey(), m.getValue().path("width").asInt());
                    }
                });
                JsonNode count = output.path("execution_count");
                return new Output.Data(count.canConvertToInt() ? count.asInt() : null, mimeData(output.path("data")), widths);
            }
        }
    }

    /** MIME type to text: multi-line strings joined, JSON values (application/json) written as JSON text. */
    private static Map<String, String> mimeData(JsonNode data) {
        Map<String, String> texts = new LinkedHashMap<>();
        data.fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            boolean lines = value.isArray() && value.size() > 0 && value.get(0).isTextual();
            texts.put(entry.getKey(), value.isTextual() || lines ? NotebookRunner.multiline(value) : json(value));
        });
        return texts;
    }

    private static String json(JsonNode value) {
        try {
            return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return value.toString();
        }
    }

    private static Instant instant(JsonNode time) {
        if (!time.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(time.asText());
        } catch (DateTimeParseException e) {
            return null; // not ISO 8601: the page goes without this cell's timing
        }
    }
}
