package dev.assay.dsl.drift;

import dev.assay.dsl.profile.PerValueBins;
import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What a column looks like on each side, for pictures: the shares of the reference and the
 * current values over the same bins. Numbers have Sturges bins over both samples together
 * ({@code edges}, microseconds since 1970 when {@code temporal}), or, when they have few
 * distinct values ({@link PerValueBins}), one bin per value ({@code values}, with edges
 * half-way between them); categories and the words of free text have their most frequent
 * labels, the rest pooled in a last bin labelled null. These bins are for pictures only: the
 * statistics keep their own bins.
 */
public record Distribution(List<Double> edges, List<Double> values, List<String> labels, boolean temporal,
                           List<Double> reference, List<Double> current) {

    /** Categories and words shown one by one; the rest share a bin. */
    public static final int MAX_LABELS = 20;

    public Distribution {
        edges = edges == null ? null : List.copyOf(edges);
        values = values == null ? null : List.copyOf(values);
        labels = labels == null ? null : Collections.unmodifiableList(new ArrayList<>(labels));
        reference = List.copyOf(reference);
        current = List.copyOf(current);
    }

    /** A histogram of equal-width bins over a range (drawn as touching bars). */
    public boolean isHistogram() {
        return edges != null && values == null;
    }

    /** One bin per value of a few-valued number (drawn as separate bars labelled with the values). */
    public boolean isPerValue() {
        return values != null;
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("edges", edges, "values", values, "labels", labels, "temporal", temporal, "reference", reference,
                "current", current);
    }
}
