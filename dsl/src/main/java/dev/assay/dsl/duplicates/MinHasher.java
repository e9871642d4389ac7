package dev.assay.dsl.duplicates;

/**
 * MinHash signatures and their LSH band keys. Each 64-bit shingle hash is folded to 32 bits
 * x; hash function i maps x to a_i * x + b_i (mod 2^32) with odd a_i, a bijection of 32-bit
 * values, so the minimum picks a random-like element of the set. 32 bits keep the inner loop
 * narrow enough for the JIT to vectorize; a chance collision of two minima (2^-32) cannot
 * matter, since every candidate is confirmed exactly. The a_i, b_i come from a fixed seed,
 * so the same text always gets the same signature, in any run and on any machine.
 */
final class MinHasher {

    private static final long SEED = 0x5eed_a55a_7L;

    private final int[] multipliers;
    private final int[] increments;
    private final LshBanding banding;

    MinHasher(LshBanding banding) {
        this.banding = banding;
        multipliers = new int[banding.hashes()];
        increments = new int[banding.hashes()];
        long state = SEED;
        for (int i = 0; i < banding.hashes(); i++) {
            state += 0x9e3779b97f4a7c15L;
            multipliers[i] = (int) Shingles.mix(state) | 1;
            state += 0x9e3779b97f4a7c15L;
            increments[i] = (int) Shingles.mix(state);
        }
    }

    int[] signature(long[] shingles) {
        int[] folded = new int[shingles.length];
        for (int j = 0; j < shingles.length; j++) {
            folded[j] = (int) (shingles[j] ^ (shingles[j] >>> 32));
        }
        int[] sig = new int[multipliers.length];
        for (int i = 0; i < sig.length; i++) {
            // One hash function over all shingles: a min-reduction the JIT vectorizes.
            int a = multipliers[i];
            int b = increments[i];
            int min = Integer.MAX_VALUE;
            for (int x : folded) {
                min = Math.min(min, a * x + b);
            }
            sig[i] = min;
        }
        return sig;
    }

    /** One key per band: a hash of the band's number and its values; equal keys mean (almost surely) an equal band. */
    void bandKeys(int[] signature, long[] out, int offset) {
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
