package dev.assay.dsl.duplicates;

import java.util.Arrays;

/**
 * The character shingles of a (normalized) text as 64-bit hashes: every run of
 * {@link #LENGTH} consecutive code points, or the whole text when it is shorter, so that
 * short texts are compared whole. Sets are sorted and without repeats, ready for an exact
 * Jaccard similarity by merging.
 */
final class Shingles {

    /** Five characters: long enough that unrelated texts share few shingles, short enough for SMS-sized texts. */
    static final int LENGTH = 5;

    private Shingles() {
    }

    static long[] of(String text) {
        int[] cps = text.codePoints().toArray();
        if (cps.length < LENGTH) {
            return new long[] {hash(cps, 0, cps.length)};
        }
        long[] out = new long[cps.length - LENGTH + 1];
        for (int i = 0; i < out.length; i++) {
            out[i] = hash(cps, i, LENGTH);
        }
        Arrays.sort(out);
        int distinct = 0;
        for (int i = 0; i < out.length; i++) {
            if (i == 0 || out[i] != out[i - 1]) {
                out[distinct++] = out[i];
            }
        }
        return distinct == out.length ? out : Arrays.copyOf(out, distinct);
    }

    /** |A ∩ B| / |A ∪ B| of two sorted sets without repeats. */
    static double jaccard(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** FNV-1a over the code points and their count, then a strong finalizer (splitmix64). */
    private static long hash(int[] cps, int from, int length) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < from + length; i++) {
            h = (h ^ cps[i]) * 0x100000001b3L;
        }
        h = (h ^ length) * 0x100000001b3L;
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
