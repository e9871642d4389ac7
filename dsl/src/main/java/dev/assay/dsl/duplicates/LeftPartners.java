package dev.assay.dsl.duplicates;

import dev.assay.dsl.engine.SqlEngine;
import dev.assay.dsl.engine.WorkTable;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.apache.arrow.vector.BigIntVector;

/**
 * For {@code leakage ... near}: the earliest left-side partner of each right-only document
 * (a text found only in RIGHT), from the confirmed pairs. Pairs within one side are of no use
 * and are not kept, so the heap holds one entry per leaking text, not every pair of a
 * templated block.
 */
final class LeftPartners implements NearPairs.Sink {

    private final BitSet left;
    private final BitSet rightOnly;
    private final Map<Long, Long> partner = new HashMap<>();

    private LeftPartners(BitSet left, BitSet rightOnly) {
        this.left = left;
        this.rightOnly = rightOnly;
    }

    /** The sides of the documents of {@link NearDocs#of(SqlEngine, dev.assay.dsl.engine.OrderedSource, dev.assay.dsl.engine.OrderedSource, String)}. */
    static LeftPartners of(SqlEngine engine, WorkTable docs) {
        return new LeftPartners(docsWhere(engine, docs, "n_left > 0"), docsWhere(engine, docs, "n_left = 0 AND n_right > 0"));
    }

    private static BitSet docsWhere(SqlEngine engine, WorkTable docs, String condition) {
        BitSet out = new BitSet();
        ArrowBatches.each(engine, "SELECT doc FROM " + docs.quoted() + " WHERE " + condition, "reading texts for leakage", root -> {
            BigIntVector doc = (BigIntVector) root.getVector(0);
            for (int r = 0; r < root.getRowCount(); r++) {
                out.set(Math.toIntExact(doc.get(r)));
            }
        });
        return out;
    }

    @Override
    public void accept(long x, long y, double similarity) {
        keep(x, y);
        keep(y, x);
    }

    /**
     * In an oversized bucket, two left-side texts must be compared (that decides the
     * bucket's representatives); any other pair matters only if it could give a right-only
     * text an earlier left partner.
     */
    @Override
    public boolean connected(long x, long y) {
        return !(left.get((int) x) && left.get((int) y)) && !wants(x, y);
    }

    /** Only a pair crossing from a right-only text to a left one that is earlier than its partner so far. */
    @Override
    public boolean wants(long x, long y) {
        return improves(x, y) || improves(y, x);
    }

    private boolean improves(long right, long candidate) {
        if (!rightOnly.get((int) right) || !left.get((int) candidate)) {
            return false;
        }
        Long known = partner.get(right);
        return known == null || candidate < known;
    }

    private void keep(long right, long candidate) {
        if (rightOnly.get((int) right) && left.get((int) candidate)) {
            partner.merge(right, candidate, Math::min);
        }
    }

    /** Each right-only document with a left partner, and the earliest such partner. */
    Map<Long, Long> partners() {
        return partner;
    }
}
