package dev.assay.dsl.baseline;

import dev.assay.dsl.result.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What a baseline rule compared with: the baseline version ({@code label@N}), the baseline's
 * value (the mean of the versions' values for {@code sd}), the allowed range, the versions whose
 * values were used, and for {@code schema unchanged} the schema changes. Fields that do not
 * apply are null.
 */
public record BaselineComparison(String against, Double baseline, Tolerance.Band allowed, List<Integer> versions,
                                 SchemaChange schema) {

    public BaselineComparison {
        versions = versions == null ? null : List.copyOf(versions);
    }

    /** Added to the rule's JSON: {@code against}, {@code baseline}, {@code allowed} [low, high], {@code versions}, {@code schema}. */
    public void addTo(Map<String, Object> json) {
        json.put("against", against);
        if (baseline != null) {
            json.put("baseline", JsonValue.of(baseline));
        }
        if (allowed != null) {
            json.put("allowed", Arrays.asList(JsonValue.of(allowed.low()), JsonValue.of(allowed.high())));
        }
        if (versions != null) {
            json.put("versions", versions);
        }
        if (schema != null) {
            json.put("schema", schema.toJson());
        }
    }
}
