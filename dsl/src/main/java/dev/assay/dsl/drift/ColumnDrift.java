package dev.assay.dsl.drift;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * One column compared: the method applied, its statistic (the distance, or the test's D,
 * chi-square or z; null when infinite), the p-value of a test (null for distances), the
 * threshold and the verdict; how many values were compared on each side and how many were
 * missing (NULL, or NaN and infinite numbers) and left out; a note when something about
 * the comparison needs saying; and both sides' distributions for pictures (null when not
 * computed).
 */
public record ColumnDrift(String name, String type, DriftKind kind, DriftMethod method, Double statistic, Double pValue,
                          double threshold, boolean drifted, long referenceValues, long currentValues,
                          long referenceMissing, long currentMissing, String note,
                          Distribution distribution) {

    public Map<String, Object> toJson() {
        return JsonValue.object("name", name, "type", type, "kind", kind.jsonName(), "method", method.keyword(),
                "statistic", statistic, "p_value", pValue, "threshold", threshold, "drifted", drifted,
                "reference_values", referenceValues, "current_values", currentValues,
                "reference_missing", referenceMissing, "current_missing", currentMissing, "note", note,
                "distribution", distribution == null ? null : distribution.toJson());
    }
}
