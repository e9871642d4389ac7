package dev.assay.dsl.split;

import dev.assay.dsl.result.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The parts a split made, in order: each part's dataset name, rows, share of the source's
 * rows and, when there is a label ({@code labelColumn}: the stratify column or a column named
 * {@code label}), its count per label value (null otherwise); {@code note}, when not null,
 * says how far the sizes of a hash split may stray from the shares asked for; {@code keyVersion}
 * is the version of {@link SplitKey}'s text that placed the rows (null when no hash did).
 */
public record SplitResult(String source, String method, List<String> key, long seed, String labelColumn,
                          List<Part> parts, String note, Integer keyVersion) {

    public record Part(String name, long rows, double fraction, Map<String, Long> labelCounts) {
    }

    public SplitResult {
        key = List.copyOf(key);
        parts = List.copyOf(parts);
    }

    /** A split whose rows were placed by a version 1 key, or by no hash. */
    public SplitResult(String source, String method, List<String> key, long seed, String labelColumn, List<Part> parts,
                       String note) {
        this(source, method, key, seed, labelColumn, parts, note, method.startsWith("order") ? null : 1);
    }

    public long rows() {
        return parts.stream().mapToLong(Part::rows).sum();
    }

    public Map<String, Object> toJson() {
        List<Object> json = new ArrayList<>();
        for (Part p : parts) {
            json.add(JsonValue.object("name", p.name(), "rows", p.rows(), "fraction", p.fraction(),
                    "label_counts", p.labelCounts()));
        }
        return JsonValue.object("kind", "split", "source", source, "method", method, "key", key, "seed", seed,
                "label_column", labelColumn, "rows", rows(), "parts", json, "note", note,
                "key_version", keyVersion);
    }
}
