package dev.assay.dsl.duplicates;

/**
 * MinHash signatures and their LSH band keys. Hash function i maps a shingle hash x to
 * a_i * x + b_i (mod 2^64) with odd a_i: a bijection of 64-bit values, so the minimum
 * picks a random-like element of the set. The a_i, b_i come from a fixed seed, so the same
 * text always gets the same signature, in any run and on any machine.
 */
final class MinHasher {

    private static final long SEED = 0x5eed_a55a_7L;

    private final long[] multipliers;
    private final long[] increments;
    private final LshBanding banding;

    MinHasher(LshBanding banding) {
        this.banding = banding;
        multipliers = new long[banding.hashes()];
        increments = new long[banding.hashes()];
        long state = SEED;
        for (int i = 0; i < banding.hashes(); i++) {
            state += 0x9e3779b97f4a7c15L;
            multipliers[i] = Shingles.mix(state) | 1L;
            state += 0x9e3779b97f4a7c15L;
            increments[i] = Shingles.mix(state);
        }
    }

    long[] signature(long[] shingles) {
        long[] sig = new long[multipliers.length];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        for (long x : shingles) {
            for (int i = 0; i < sig.length; i++) {
                long h = multipliers[i] * x + increments[i];
                if (h < sig[i]) {
                    sig[i] = h;
                }
            }
        }
        return sig;
    }

    /** One key per band: a hash of the band's number and its values; equal keys mean (almost surely) an equal band. */
    void bandKeys(long[] signature, long[] out, int offset) {
        int rows = banding.rows();
        for (int b = 0; b < banding.bands(); b++) {
            long h = Shingles.mix(b + 1L);
            for (int r = 0; r < rows; r++) {
                h = Shingles.mix(h ^ signature[b * rows + r]);
            }
            out[offset + b] = h;
        }
    }
}
