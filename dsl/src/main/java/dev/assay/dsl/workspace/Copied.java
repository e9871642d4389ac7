package dev.assay.dsl.workspace;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * What {@code copy} made: dataset {@code dataset} on engine {@code to}, {@code rows} rows copied
 * from {@code source} on {@code from}, as Arrow batches ({@code via} null) or through Parquet
 * files in directory {@code via}. {@code moved} when the copy took the source's name, which
 * then left {@code from} (a name is unique in the session).
 */
public record Copied(String dataset, String source, String from, String to, long rows, String via, boolean moved) {

    /** {"kind":"copy","dataset","source","from","to","rows","via","moved"}; {@code via} is "arrow" or the directory. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "copy", "dataset", dataset, "source", source, "from", from, "to", to,
                "rows", rows, "via", via == null ? "arrow" : via, "moved", moved);
    }
}
