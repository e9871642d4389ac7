package dev.assay.dsl.store;

import dev.assay.dsl.engine.Column;
import java.time.Instant;
import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * One version of a label as the store records it. {@code operations} are the statements that
 * made the data from its {@code parents} (oldest first; the last is {@code command()}), empty
 * when the data came from somewhere Assay did not see. The snapshot is the Parquet file named
 * by the fingerprint; {@code snapshotSha256} is the hash of its bytes as written.
 */
public record StoredVersion(String label, int version, Fingerprint fingerprint, long rows, List<Column> schema,
                            Instant created, List<String> operations, List<Parent> parents, String snapshotSha256,
                            long snapshotBytes) {

    public StoredVersion {
        schema = List.copyOf(schema);
        operations = List.copyOf(operations);
        parents = List.copyOf(parents);
    }

    /** The statement that made this data: the last operation, or null when unknown. */
    public String command() {
        return operations.isEmpty() ? null : operations.get(operations.size() - 1);
    }

    public Parent asParent() {
        return new Parent(label, version, fingerprint);
    }

    public String ref() {
        return label + "@" + version;
    }

    /** The JSON of this version, as pin, versions and load pin show it. */
    public Map<String, Object> toJson() {
        List<Object> columns = schema.stream().map(c -> (Object) JsonValue.object("name", c.name(), "type", c.type())).toList();
        List<Object> parentList = parents.stream().map(p -> (Object) JsonValue.object("label", p.label(),
                "version", p.version(), "fingerprint", p.fingerprint().value())).toList();
        return JsonValue.object("label", label, "version", version, "fingerprint", fingerprint.value(),
                "rows", rows, "schema", columns, "created", created.toString(), "command", command(),
                "operations", operations, "parents", parentList, "snapshot_bytes", snapshotBytes);
    }
}
