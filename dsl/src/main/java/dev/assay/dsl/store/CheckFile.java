package dev.assay.dsl.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The JSON of the checks recorded for one content ({@code checks/HEX.json}), read and written whole. */
final class CheckFile {

    static final String FORMAT = "assay-checks 1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckFile() {
    }

    static byte[] write(Fingerprint fingerprint, List<StoredCheck> checks) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("fingerprint", fingerprint.value());
        ArrayNode list = root.putArray("checks");
        for (StoredCheck c : checks) {
            ObjectNode o = list.addObject();
            o.put("at", c.at().toString());
            o.put("dataset", c.dataset());
            o.put("passed", c.passed());
            ArrayNode rules = o.putArray("rules");
            c.rules().forEach(rules::add);
            ArrayNode failed = o.putArray("failed");
            c.failed().forEach(failed::add);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new StoreException("cannot write the checks of " + fingerprint + ": " + e.getMessage(), e);
        }
    }

    /** The checks in the file; a file that is not what Assay wrote for that content is refused with its name. */
    static List<StoredCheck> read(Fingerprint fingerprint, byte[] bytes, String fileName) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || !fingerprint.value().equals(root.path("fingerprint").asText())) {
                throw new StoreException(fileName + " is not the checks of " + fingerprint + " (format " + FORMAT + ")");
            }
            List<StoredCheck> checks = new ArrayList<>();
            for (JsonNode o : root.path("checks")) {
                List<String> rules = new ArrayList<>();
                o.path("rules").forEach(r -> rules.add(r.asText()));
                List<String> failed = new ArrayList<>();
                o.path("failed").forEach(r -> failed.add(r.asText()));
                if (!o.path("passed").isBoolean()) {
                    throw new IllegalArgumentException("a check has no 'passed'");
                }
                checks.add(new StoredCheck(Instant.parse(o.path("at").asText()), o.path("dataset").asText(),
                        o.path("passed").asBoolean(), rules, failed));
            }
            return checks;
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new StoreException(fileName + " is damaged and cannot be read: " + e.getMessage(), e);
        }
    }
}
