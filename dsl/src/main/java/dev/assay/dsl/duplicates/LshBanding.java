package dev.assay.dsl.duplicates;

import dev.assay.dsl.result.JsonValue;
import java.util.Map;

/**
 * How MinHash signatures are cut into bands for locality-sensitive hashing: two texts become
 * a candidate pair when all {@code rows} values of at least one of the {@code bands} bands
 * agree, which happens with probability 1 - (1 - s^rows)^bands at Jaccard similarity s.
 * Every candidate is then confirmed by its exact similarity, so the banding only trades
 * speed against recall.
 */
public record LshBanding(int hashes, int bands, int rows, int shingleLength) {

    /** Signature length: the issue asks for at least 128. */
    static final int HASHES = 128;
    /** The chance, at the threshold itself, that a pair becomes a candidate. */
    static final double RECALL_AT_THRESHOLD = 0.99;

    /**
     * The longest bands (fewest false candidates) that still catch a pair at the threshold
     * with probability {@link #RECALL_AT_THRESHOLD}; pairs above it are caught more often.
     */
    static LshBanding forThreshold(double threshold) {
        int best = 1;
        for (int r = 1; r <= HASHES; r++) {
            if (candidateProbability(threshold, HASHES / r, r) >= RECALL_AT_THRESHOLD) {
                best = r;
            }
        }
        return new LshBanding(HASHES, HASHES / best, best, Shingles.LENGTH);
    }

    private static double candidateProbability(double s, int bands, int rows) {
        return 1 - Math.pow(1 - Math.pow(s, rows), bands);
    }

    public Map<String, Object> toJson() {
        return JsonValue.object("algorithm", "minhash-lsh", "hashes", hashes, "bands", bands,
                "rows_per_band", rows, "shingle", "character " + shingleLength + "-grams of normalized text");
    }
}
