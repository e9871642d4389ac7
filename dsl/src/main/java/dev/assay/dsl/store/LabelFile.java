package dev.assay.dsl.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.dsl.engine.Column;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The JSON of one label's versions ({@code labels/LABEL.json}), read and written whole. */
final class LabelFile {

    static final String FORMAT = "assay-versions 1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private LabelFile() {
    }

    static byte[] write(String label, List<StoredVersion> versions) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("label", label);
        ArrayNode list = root.putArray("versions");
        for (StoredVersion v : versions) {
            ObjectNode o = list.addObject();
            o.put("version", v.version());
            o.put("fingerprint", v.fingerprint().value());
            o.put("rows", v.rows());
            ArrayNode schema = o.putArray("schema");
            v.schema().forEach(c -> schema.addObject().put("name", c.name()).put("type", c.type()));
            o.put("created", v.created().toString());
            o.put("command", v.command());
            ArrayNode operations = o.putArray("operations");
            v.operations().forEach(operations::add);
            ArrayNode parents = o.putArray("parents");
            v.parents().forEach(p -> parents.addObject().put("label", p.label()).put("version", p.version())
                    .put("fingerprint", p.fingerprint().value()));
            o.putObject("snapshot").put("sha256", v.snapshotSha256()).put("bytes", v.snapshotBytes());
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new StoreException("cannot write the versions of '" + label + "': " + e.getMessage(), e);
        }
    }

    /** The versions in the file; a file that is not what Assay wrote is refused with its name and the problem. */
    static List<StoredVersion> read(String label, byte[] bytes, String fileName) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText()) || !label.equals(root.path("label").asText())) {
                throw new StoreException(fileName + " is not the version list of '" + label + "' (format " + FORMAT + ")");
            }
            List<StoredVersion> versions = new ArrayList<>();
            for (JsonNode o : root.path("versions")) {
                List<Column> schema = new ArrayList<>();
                o.path("schema").forEach(c -> schema.add(new Column(text(c, "name"), typeName(text(c, "type")))));
                List<String> operations = new ArrayList<>();
                o.path("operations").forEach(op -> operations.add(op.asText()));
                List<Parent> parents = new ArrayList<>();
                o.path("parents").forEach(p -> parents.add(new Parent(text(p, "label"), p.path("version").asInt(),
                        new Fingerprint(text(p, "fingerprint")))));
                // Versions are looked up by position (version N is entry N - 1): a file edited out of order is refused.
                int number = o.path("version").asInt();
                if (number != versions.size() + 1 || parents.stream().anyMatch(p -> p.version() < 1)) {
                    throw new IllegalArgumentException("entry " + (versions.size() + 1) + " is version " + number
                            + (number == versions.size() + 1 ? " with a parent version below 1" : "")
                            + "; versions are numbered 1, 2, ... in order");
                }
                versions.add(new StoredVersion(label, number, new Fingerprint(text(o, "fingerprint")),
                        o.path("rows").asLong(), schema, Instant.parse(text(o, "created")), operations, parents,
                        text(o.path("snapshot"), "sha256"), o.path("snapshot").path("bytes").asLong()));
            }
            return versions;
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException(fileName + " is damaged and cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A type as DESCRIBE writes it: words, numbers, commas, brackets, quoted names and strings,
     * with balanced parentheses. Loading a pin casts to these types, so a label file edited by
     * hand must not be able to close the cast and add SQL of its own.
     */
    static String typeName(String type) {
        int depth = 0;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < type.length() && (type.charAt(end) != c || end + 1 < type.length() && type.charAt(end + 1) == c)) {
                    end += type.charAt(end) == c ? 2 : 1;
                }
                if (end >= type.length()) {
                    throw new IllegalArgumentException("type " + type + " has an unclosed quote");
                }
                i = end;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth < 0 || !(Character.isLetterOrDigit(c) && c < 128 || " _,.()[]".indexOf(c) >= 0)) {
                throw new IllegalArgumentException("'" + type + "' is not a type name");
            }
        }
        if (depth != 0 || type.isBlank()) {
            throw new IllegalArgumentException("'" + type + "' is not a type name");
        }
        return type;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' is missing");
        }
        return v.asText();
    }
}
