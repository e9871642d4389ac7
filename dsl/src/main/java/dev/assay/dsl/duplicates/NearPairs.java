package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.LongColumnsReader;
import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;

/**
 * Finds the pairs of documents whose shingle sets have a Jaccard similarity of at least the
 * threshold, without comparing all pairs:
 * <ol>
 * <li>MinHash signatures and their LSH band keys are computed in Java, on all cores, for a
 *     chunk of documents at a time read as Arrow batches; the keys go back to the engine;</li>
 * <li>the engine groups equal band keys into buckets; in a bucket of at most
 *     {@link #FULL_BUCKET} documents every pair is a candidate, and each candidate is
 *     confirmed by the exact Jaccard similarity of its two shingle sets, streamed in Arrow
 *     batches with both texts;</li>
 * <li>larger buckets (templated texts: messages, logs, forms) would make pairs quadratic in
 *     their size, so their members are streamed in order and compared only with the bucket's
 *     representatives ({@link BucketRepresentatives}), skipping what the sink already links.</li>
 * </ol>
 * The Java heap holds one chunk of texts and keys, or one batch and a bucket's
 * representatives, at a time, never the whole corpus; the engine never holds more candidate
 * pairs than the small buckets make.
 */
final class NearPairs {

    /** Receives confirmed pairs, {@code x < y}, possibly more than once each. Called on the calling thread only. */
    interface Sink {
        void accept(long x, long y, double similarity);

        /** True when x and y are already linked, so that confirming them would change nothing the sink computes. */
        default boolean connected(long x, long y) {
            return false;
        }

        /** Whether a candidate pair is worth confirming: pairs that could change nothing need no text and no comparison. */
        default boolean wants(long x, long y) {
            return !connected(x, y);
        }
    }

    static final int CHUNK_DOCS = 32_768;
    /** The largest bucket whose pairs are all compared: at most 8,128 pairs a bucket. */
    static final int FULL_BUCKET = 128;

    private final SqlEngine engine;
    private final LshBanding banding;
    private final MinHasher hasher;
    private final String representativeOrder;
    private long comparisons;

    NearPairs(SqlEngine engine, LshBanding banding) {
        this(engine, banding, "d.doc");
    }

    /**
     * {@code representativeOrder} orders the members of an oversized bucket (an ORDER BY list
     * over the documents' columns as {@code d}); the earliest become its representatives.
     */
    NearPairs(SqlEngine engine, LshBanding banding, String representativeOrder) {
        this.engine = engine;
        this.banding = banding;
        this.hasher = new MinHasher(banding);
        this.representativeOrder = representativeOrder;
    }

    /** Exact similarities computed by the last {@link #find}: the work that grows with the data. */
    long comparisons() {
        return comparisons;
    }

    /**
     * Reports the pairs of {@code docs}, a table of {@code doc BIGINT} (0 to count-1, no gaps)
     * and {@code text VARCHAR} (normalized, not null), with a similarity of at least {@code threshold}.
     */
    void find(WorkTable docs, long count, double threshold, Sink sink) {
        try (WorkTable bands = WorkTable.of(engine, "bands", "SELECT CAST(0 AS BIGINT) AS doc, CAST(0 AS BIGINT) AS band, "
                + "CAST(0 AS BIGINT) AS key LIMIT 0")) {
            for (long from = 0; from < count; from += CHUNK_DOCS) {
                ArrowBatches.checkInterrupted();
                writeBandKeys(docs, from, Math.min(count, from + CHUNK_DOCS), bands);
            }
            if (count == 0) {
                return;
            }
            comparisons = 0;
            // Bucket sizes by grouping, then joined back: no window over one huge bucket.
            try (WorkTable sizes = WorkTable.of(engine, "bucket_sizes", "SELECT band, key, CAST(count(*) AS BIGINT) AS n FROM "
                    + bands.quoted() + " GROUP BY band, key HAVING count(*) >= 2");
                 WorkTable members = WorkTable.of(engine, "bucket_members", "SELECT b.doc, b.band, b.key, s.n FROM "
                         + bands.quoted() + " b JOIN " + sizes.quoted() + " s ON s.band = b.band AND s.key = b.key");
                 WorkTable pairs = WorkTable.of(engine, "pairs", "SELECT DISTINCT a.doc AS x, b.doc AS y FROM "
                         + members.quoted() + " a JOIN " + members.quoted() + " b ON a.band = b.band AND a.key = b.key "
                         + "AND a.doc < b.doc WHERE a.n <= " + FULL_BUCKET)) {
                confirm(docs, pairs, threshold, sink);
                linkOversized(docs, members, threshold, sink);
            }
        }
    }

    /** The members of each bucket of more than {@link #FULL_BUCKET} documents, bucket by bucket, against its representatives. */
    private void linkOversized(WorkTable docs, WorkTable members, double threshold, Sink sink) {
        BucketRepresentatives representatives = new BucketRepresentatives(threshold, sink);
        try {
            ArrowBatches.each(engine, "SELECT m.band, m.key, m.doc, d.text FROM " + members.quoted() + " m JOIN "
                    + docs.quoted() + " d ON d.doc = m.doc WHERE m.n > " + FULL_BUCKET + " ORDER BY m.band, m.key, "
                    + representativeOrder, "reading oversized buckets", root -> {
                BigIntVector bands = (BigIntVector) root.getVector(0);
                BigIntVector keys = (BigIntVector) root.getVector(1);
                BigIntVector doc = (BigIntVector) root.getVector(2);
                VarCharVector text = (VarCharVector) root.getVector(3);
                for (int r = 0; r < root.getRowCount(); r++) {
                    int row = r;
                    representatives.offer(bands.get(r), keys.get(r), doc.get(r),
                            () -> new String(text.get(row), StandardCharsets.UTF_8));
                }
            });
        } finally {
            comparisons += representatives.comparisons();
        }
    }

    private void writeBandKeys(WorkTable docs, long from, long to, WorkTable target) {
        int n = (int) (to - from);
        long[] ids = new long[n];
        String[] texts = new String[n];
        int read = 0;
        try (ArrowReader reader = engine.arrowQuery("SELECT doc, text FROM " + docs.quoted() + " WHERE doc >= " + from
                + " AND doc < " + to + " ORDER BY doc", ArrowBatches.ROWS)) {
            while (reader.loadNextBatch()) {
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                BigIntVector doc = (BigIntVector) root.getVector(0);
                VarCharVector text = (VarCharVector) root.getVector(1);
                for (int r = 0; r < root.getRowCount(); r++, read++) {
                    ids[read] = doc.get(r);
                    texts[read] = new String(text.get(r), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading texts for near duplicates failed: " + e.getMessage(), e);
        }
        int bands = banding.bands();
        long[] docColumn = new long[read * bands];
        long[] bandColumn = new long[read * bands];
        long[] keyColumn = new long[read * bands];
        int rows = read;
        IntStream.range(0, rows).parallel().forEach(i -> {
            hasher.bandKeys(hasher.signature(Shingles.of(texts[i])), keyColumn, i * bands);
            for (int b = 0; b < bands; b++) {
                docColumn[i * bands + b] = ids[i];
                bandColumn[i * bands + b] = b;
            }
        });
        engine.insertInto(target.name(), allocator -> new LongColumnsReader(allocator,
                List.of("doc", "band", "key"), List.of(docColumn, bandColumn, keyColumn), rows * bands));
    }

    private void confirm(WorkTable docs, WorkTable pairs, double threshold, Sink sink) {
        ArrowBatches.each(engine, "SELECT p.x, p.y, a.text AS text_x, b.text AS text_y FROM " + pairs.quoted() + " p JOIN " + docs.quoted()
                + " a ON a.doc = p.x JOIN " + docs.quoted() + " b ON b.doc = p.y", "reading candidate pairs", root -> {
            BigIntVector x = (BigIntVector) root.getVector(0);
            BigIntVector y = (BigIntVector) root.getVector(1);
            VarCharVector a = (VarCharVector) root.getVector(2);
            VarCharVector b = (VarCharVector) root.getVector(3);
            int[] todo = IntStream.range(0, root.getRowCount()).filter(r -> sink.wants(x.get(r), y.get(r))).toArray();
            int n = todo.length;
            String[] left = new String[n];
            String[] right = new String[n];
            for (int i = 0; i < n; i++) {
                left[i] = new String(a.get(todo[i]), StandardCharsets.UTF_8);
                right[i] = new String(b.get(todo[i]), StandardCharsets.UTF_8);
            }
            double[] similarity = new double[n];
            IntStream.range(0, n).parallel().forEach(i ->
                    similarity[i] = Shingles.jaccard(Shingles.of(left[i]), Shingles.of(right[i])));
            comparisons += n;
            for (int i = 0; i < n; i++) {
                if (similarity[i] >= threshold) {
                    sink.accept(x.get(todo[i]), y.get(todo[i]), similarity[i]);
                }
            }
        });
    }
}
