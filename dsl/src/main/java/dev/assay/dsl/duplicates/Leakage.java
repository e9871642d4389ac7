package dev.assay.dsl.duplicates;

import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows of {@code right} (say test) that also occur in {@code left} (say train):
 * {@code exactOverlapRows} rows of right whose key is among left's keys, {@code sharedKeys}
 * such keys, {@code leftOverlapRows} the rows of left that carry them; with near duplicates,
 * {@code nearOverlapRows} rows of right with a text in left at or above the threshold
 * (exact matches of the normalized text included), else null.
 */
public record Leakage(String left, String right, List<String> on, boolean normalize, long leftRows, long rightRows,
                      long exactOverlapRows, long sharedKeys, long leftOverlapRows, List<SharedKey> examples,
                      Double nearThreshold, Long nearOverlapRows, List<NearMatch> nearExamples) {

    /** A key in both datasets: its values as first written in right, and its row counts on each side. */
    public record SharedKey(Map<String, Object> values, long leftCount, long rightCount) {
    }

    /** A row of right and a row of left whose texts are near duplicates (not equal after normalizing). */
    public record NearMatch(long rightRow, String rightText, long leftRow, String leftText) {
    }

    public Leakage {
        on = List.copyOf(on);
        examples = List.copyOf(examples);
        nearExamples = List.copyOf(nearExamples);
    }

    public Map<String, Object> toJson() {
        List<Object> shared = new ArrayList<>();
        for (SharedKey k : examples) {
            Map<String, Object> values = new LinkedHashMap<>();
            k.values().forEach((name, v) -> values.put(name, JsonValue.of(v)));
            shared.add(JsonValue.object("values", values, "left_rows", k.leftCount(), "right_rows", k.rightCount()));
        }
        List<Object> near = new ArrayList<>();
        for (NearMatch m : nearExamples) {
            near.add(JsonValue.object("right_row", m.rightRow(), "right_text", m.rightText(), "left_row", m.leftRow(),
                    "left_text", m.leftText()));
        }
        return JsonValue.object("kind", "leakage", "left", left, "right", right, "on", on, "normalize", normalize,
                "left_rows", leftRows, "right_rows", rightRows, "exact_overlap_rows", exactOverlapRows,
                "shared_keys", sharedKeys, "left_overlap_rows", leftOverlapRows, "examples", shared,
                "near_threshold", nearThreshold, "near_overlap_rows", nearOverlapRows, "near_examples", near);
    }
}
