package dev.assay.dsl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.dsl.profile.Profile;
import dev.assay.dsl.store.Fingerprint;
import dev.assay.dsl.store.StoreException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The metrics the store keeps with a content: its profile's JSON (docs/profile.md) without the
 * charts (histograms), so every statistic a profile shows is there, exactly as it showed it.
 * Read back for history, baselines and suggestions without touching the data again.
 */
public final class VersionMetrics {

    static final String FORMAT = "assay-metrics 1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Fingerprint fingerprint;
    private final ObjectNode profile;

    private VersionMetrics(Fingerprint fingerprint, ObjectNode profile) {
        this.fingerprint = fingerprint;
        this.profile = profile;
    }

    /** The metrics of {@code profile}, a profile of every column of the content {@code fingerprint}. */
    public static VersionMetrics of(Fingerprint fingerprint, Profile profile) {
        ObjectNode json = JSON.valueToTree(profile.toJson());
        json.remove("dataset"); // the content's, whatever dataset or label held it
        for (JsonNode column : json.path("columns")) {
            ((ObjectNode) column).remove("histogram");
            if (column.path("length").isObject()) {
                ((ObjectNode) column.path("length")).remove("histogram");
            }
        }
        return new VersionMetrics(fingerprint, json);
    }

    /** Metrics read from the store; bytes that are not the metrics of that content are refused with the file's name. */
    public static VersionMetrics read(Fingerprint fingerprint, byte[] bytes, String fileName) {
        try {
            JsonNode root = JSON.readTree(bytes);
            if (root == null || !FORMAT.equals(root.path("format").asText())
                    || !fingerprint.value().equals(root.path("fingerprint").asText()) || !root.path("profile").isObject()) {
                throw new StoreException(fileName + " is not the metrics of " + fingerprint + " (format " + FORMAT + ")");
            }
            return new VersionMetrics(fingerprint, (ObjectNode) root.path("profile"));
        } catch (IOException e) {
            throw new StoreException(fileName + " is damaged and cannot be read: " + e.getMessage(), e);
        }
    }

    /** The bytes the store keeps. */
    public byte[] bytes() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("fingerprint", fingerprint.value());
        root.set("profile", profile);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("metrics of " + fingerprint + " cannot be written: " + e.getMessage(), e);
        }
    }

    public Fingerprint fingerprint() {
        return fingerprint;
    }

    public long rows() {
        return profile.path("rows").asLong();
    }

    /** The column names, in the content's order. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        profile.path("columns").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    /** A column's profile JSON (without charts); empty when the content has no such column. */
    public Optional<JsonNode> column(String name) {
        for (Iterator<JsonNode> it = profile.path("columns").elements(); it.hasNext(); ) {
            JsonNode c = it.next();
            if (c.path("name").asText().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** A number field of a column's profile ({@code mean}, {@code missing}, ...); null when absent or null. */
    public Double number(String column, String field) {
        return column(column).map(c -> c.path(field)).filter(JsonNode::isNumber).map(JsonNode::doubleValue).orElse(null);
    }

    /** The whole profile JSON without charts (read only: do not change it). */
    public JsonNode profile() {
        return profile;
    }
}
