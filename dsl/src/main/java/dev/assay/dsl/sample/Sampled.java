package dev.assay.dsl.sample;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/** What {@code sample} made: dataset {@code dataset}, {@code rows} of the {@code sourceRows} rows of {@code source}. */
public record Sampled(String dataset, String source, long sourceRows, long rows, SamplePlan plan) {

    /** {"kind":"sample","dataset","source","source_rows","rows","percent","asked_rows","seed"}. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "sample", "dataset", dataset, "source", source, "source_rows", sourceRows,
                "rows", rows, "percent", plan.percent() == null ? null : plan.percent().doubleValue(),
                "asked_rows", plan.rows(), "seed", plan.seed());
    }
}
