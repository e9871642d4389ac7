package dev.assay.kernel.notebook;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.kernel.transport.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A notebook's JSON as nbformat writes it (one-space indent, a final line break). A run saves its
 * notebook before every cell; {@link #writeReusing} keeps the UTF-8 text of each cell it wrote,
 * with a copy of the cell, and serializes a cell again only when it no longer equals that copy
 * (a later cell may update an earlier display), so a save costs the cells that changed plus
 * copying bytes. Comparing a cell with its copy walks its nodes, not its text: the copy shares
 * the strings.
 */
final class NotebookSerializer {

    private static final ObjectWriter WRITER = Json.MAPPER.writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter(" ", "\n"))
            .withArrayIndenter(new DefaultIndenter(" ", "\n"))
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    /** Each cell is two levels deep (document, cells), one space a level. */
    private static final String CELL_INDENT = "\n  ";

    private record Written(JsonNode copy, SerializedString text) {
    }

    private final Map<JsonNode, Written> written = new IdentityHashMap<>();

    /** Writes the whole notebook, serialized at once. */
    static void writePlain(ObjectNode notebook, OutputStream out) throws IOException {
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeTree(notebook);
            json.writeRaw('\n');
        }
    }

    /** Writes the same bytes as {@link #writePlain}, reusing the text of cells unchanged since the last call. */
    void writeReusing(ObjectNode notebook, OutputStream out) throws IOException {
        Map<JsonNode, Written> kept = new IdentityHashMap<>();
        try (JsonGenerator json = WRITER.createGenerator(out)) {
            json.writeStartObject();
            for (Map.Entry<String, JsonNode> field : notebook.properties()) {
                json.writeFieldName(field.getKey());
                if (!field.getKey().equals("cells") || !field.getValue().isArray()) {
                    json.writeTree(field.getValue());
                    continue;
                }
                json.writeStartArray();
                for (JsonNode cell : field.getValue()) {
                    Written cached = written.get(cell);
                    if (cached == null || !cached.copy().equals(cell)) {
                        cached = new Written(cell.deepCopy(), new SerializedString(indented(cell)));
                    }
                    kept.put(cell, cached);
                    json.writeRawValue(cached.text());
                }
                json.writeEndArray();
            }
            json.writeEndObject();
            json.writeRaw('\n');
        }
        written.clear();
        written.putAll(kept);
    }

    /**
     * The cell's text as it stands inside the document. Every line break in pretty JSON lies
     * between tokens (strings escape theirs), so indenting each line moves the cell two levels down.
     */
    private static String indented(JsonNode cell) throws IOException {
        return WRITER.writeValueAsString(cell).replace("\n", CELL_INDENT);
    }
}
