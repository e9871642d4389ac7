package dev.assay.dsl.drift;

import dev.assay.dsl.result.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * What a column looks like on each side, for pictures: the shares of the reference and the
 * current values over the same bins. Numbers have Sturges bins over both samples together
 * ({@code edges}, microseconds since 1970 when {@code temporal}); categories and the words
 * of free text have their most frequent labels, the rest pooled in a last bin labelled null.
 */
public record Distribution(List<Double> edges, List<String> labels, boolean temporal,
                           List<Double> reference, List<Double> current) {

    /** Categories and words shown one by one; the rest share a bin. */
    public static final int MAX_LABELS = 20;

    public Distribution {
        edges = edges == null ? null : List.copyOf(edges);
        labels = labels == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(labels));
        reference = List.copyOf(reference);
        current = List.copyOf(current);
    }

    public boolean isHistogram() {
        return edges != null;
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("edges", edges, "labels", labels, "temporal", temporal, "reference", reference,
                "current", current);
    }
}
