package dev.assay.dsl.sample;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * What {@code sample} made: dataset {@code dataset}, {@code rows} of the {@code sourceRows} rows of
 * {@code source}, chosen by a hash of split key version {@code keyVersion}.
 */
public record Sampled(String dataset, String source, long sourceRows, long rows, SamplePlan plan, int keyVersion) {

    /** A sample chosen by a version 1 key. */
    public Sampled(String dataset, String source, long sourceRows, long rows, SamplePlan plan) {
        this(dataset, source, sourceRows, rows, plan, 1);
    }

    /** {"kind":"sample","dataset","source","source_rows","rows","percent","asked_rows","seed","key_version"}. */
    public Map<String, Object> toJson() {
        return JsonValue.object("kind", "sample", "dataset", dataset, "source", source, "source_rows", sourceRows,
                "rows", rows, "percent", plan.percent() == null ? null : plan.percent().doubleValue(),
                "asked_rows", plan.rows(), "seed", plan.seed(), "key_version", keyVersion);
    }
}
