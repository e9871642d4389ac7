package dev.assay.dsl.duplicates;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/** What {@code dedup} made: dataset {@code dataset} from {@code source}, keeping the first row of each group or cluster. */
public record Deduplicated(String dataset, String source, long sourceRows, long rows, List<String> on, boolean normalize,
                           Double near) {

    public Deduplicated {
        on = List.copyOf(on);
    }

    public long removed() {
        return sourceRows - rows;
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "dedup", "dataset", dataset, "source", source, "source_rows", sourceRows,
                "rows", rows, "removed", removed(), "on", on, "normalize", normalize, "near", near);
    }
}
