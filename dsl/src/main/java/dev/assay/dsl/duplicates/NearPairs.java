package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.LongColumnsReader;
import dev.assay.dsl.engine.QueryCancelledException;
import dev.assay.dsl.engine.OrderedSource;
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
 * Finds every pair of documents whose shingle sets have a Jaccard similarity of at least the
 * threshold, without comparing all pairs:
 * <ol>
 * <li>MinHash signatures and their LSH band keys are computed in Java, on all cores, for a
 *     chunk of documents at a time read as Arrow batches; the keys go back to the engine;</li>
 * <li>the engine joins equal band keys into candidate pairs;</li>
 * <li>each candidate is confirmed by the exact Jaccard similarity of its two shingle sets,
 *     streamed in Arrow batches with both texts.</li>
 * </ol>
 * The Java heap holds one chunk of texts and keys at a time, never the whole corpus.
 */
final class NearPairs {

    /** Receives each confirmed pair once, {@code x < y}. Called on the calling thread only. */
    interface Sink {
        void accept(long x, long y, double similarity);
    }

    static final int CHUNK_DOCS = 32_768;
    private static final int BATCH_ROWS = 8_192;

    private final SqlEngine engine;
    private final LshBanding banding;
    private final MinHasher hasher;

    NearPairs(SqlEngine engine, LshBanding banding) {
        this.engine = engine;
        this.banding = banding;
        this.hasher = new MinHasher(banding);
    }

    /**
     * Reports the pairs of {@code docs}, a table of {@code doc BIGINT} (0 to count-1, no gaps)
     * and {@code text VARCHAR} (normalized, not null), with a similarity of at least {@code threshold}.
     */
    void find(WorkTable docs, long count, double threshold, Sink sink) {
        try (WorkTable bands = WorkTable.of(engine, "bands", "SELECT 0::BIGINT AS doc, 0::BIGINT AS band, 0::BIGINT AS key LIMIT 0")) {
            for (long from = 0; from < count; from += CHUNK_DOCS) {
                checkInterrupted();
                writeBandKeys(docs, from, Math.min(count, from + CHUNK_DOCS), bands);
            }
            if (count == 0) {
                return;
            }
            try (WorkTable pairs = WorkTable.of(engine, "pairs", "SELECT DISTINCT a.doc AS x, b.doc AS y FROM "
                    + bands.quoted() + " a JOIN " + bands.quoted() + " b ON a.band = b.band AND a.key = b.key AND a.doc < b.doc")) {
                confirm(docs, pairs, threshold, sink);
            }
        }
    }

    private void writeBandKeys(WorkTable docs, long from, long to, WorkTable target) {
        int n = (int) (to - from);
        long[] ids = new long[n];
        String[] texts = new String[n];
        int read = 0;
        try (ArrowReader reader = engine.arrowQuery("SELECT doc, text FROM " + docs.quoted() + " WHERE doc >= " + from
                + " AND doc < " + to + " ORDER BY doc", BATCH_ROWS)) {
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
        try (ArrowReader reader = engine.arrowQuery("SELECT p.x, p.y, a.text, b.text FROM " + pairs.quoted() + " p JOIN "
                + docs.quoted() + " a ON a.doc = p.x JOIN " + docs.quoted() + " b ON b.doc = p.y", BATCH_ROWS)) {
            while (reader.loadNextBatch()) {
                checkInterrupted();
                VectorSchemaRoot root = reader.getVectorSchemaRoot();
                BigIntVector x = (BigIntVector) root.getVector(0);
                BigIntVector y = (BigIntVector) root.getVector(1);
                VarCharVector a = (VarCharVector) root.getVector(2);
                VarCharVector b = (VarCharVector) root.getVector(3);
                int n = root.getRowCount();
                String[] left = new String[n];
                String[] right = new String[n];
                for (int r = 0; r < n; r++) {
                    left[r] = new String(a.get(r), StandardCharsets.UTF_8);
                    right[r] = new String(b.get(r), StandardCharsets.UTF_8);
                }
                double[] similarity = new double[n];
                IntStream.range(0, n).parallel().forEach(r ->
                        similarity[r] = Shingles.jaccard(Shingles.of(left[r]), Shingles.of(right[r])));
                for (int r = 0; r < n; r++) {
                    if (similarity[r] >= threshold) {
                        sink.accept(x.get(r), y.get(r), similarity[r]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading candidate pairs failed: " + e.getMessage(), e);
        }
    }

    private static void checkInterrupted() {
        if (Thread.currentThread().isInterrupted()) {
            throw new QueryCancelledException("near-duplicate search interrupted", null);
        }
    }
}
