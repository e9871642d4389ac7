package dev.assay.dsl.duplicates;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Links the members of one oversized LSH bucket without comparing every pair: each member is
 * compared only with the bucket's representatives, the earlier members that were not similar
 * to (nor already linked with) a representative before them, at most {@link #LIMIT} of them.
 * A bucket of n members thus costs at most n x LIMIT comparisons instead of n²/2. A
 * templated block of texts, all similar to its first text, costs n - 1.
 */
final class BucketRepresentatives {

    /** Representatives kept per bucket: bounds the comparisons per member. */
    static final int LIMIT = 64;

    private final double threshold;
    private final NearPairs.Sink sink;
    private final long[] docs = new long[LIMIT];
    private final long[][] shingles = new long[LIMIT][];
    private int size;
    private long comparisons;
    private long band = -1;
    private long key;

    BucketRepresentatives(double threshold, NearPairs.Sink sink) {
        this.threshold = threshold;
        this.sink = sink;
    }

    /**
     * Compares one member of bucket (band, key) with the bucket's representatives, reporting
     * each similar pair; the text is shingled only if needed. Members come bucket by bucket:
     * a new bucket forgets the previous one's representatives.
     */
    void offer(long band, long key, long doc, Supplier<String> text) {
        if (band != this.band || key != this.key) {
            this.band = band;
            this.key = key;
            size = 0;
            Arrays.fill(shingles, null);
        }
        boolean covered = false;
        long[] own = null;
        for (int i = 0; i < size; i++) {
            if (sink.connected(doc, docs[i])) {
                covered = true; // already in that representative's cluster: a comparison could change nothing
                continue;
            }
            if (own == null) {
                own = Shingles.of(text.get());
            }
            comparisons++;
            double similarity = Shingles.jaccard(own, shingles[i]);
            if (similarity >= threshold) {
                sink.accept(Math.min(doc, docs[i]), Math.max(doc, docs[i]), similarity);
                covered = true;
            }
        }
        if (!covered && size < LIMIT) {
            docs[size] = doc;
            shingles[size++] = own != null ? own : Shingles.of(text.get());
        }
    }

    /** Exact similarities computed so far, over all buckets. */
    long comparisons() {
        return comparisons;
    }
}
