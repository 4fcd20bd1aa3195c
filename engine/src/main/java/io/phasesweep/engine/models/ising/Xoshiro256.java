package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna 2018), every one of its 64 output bits of full quality, drawn in
 * blocks: a loop that only generates keeps the state in registers, where drawing each word between
 * the kernel's own work stored and reloaded it every time, and the JDK's generators behind their
 * interface cost the kernels a factor 2. Seeded from four words of the point's dynamics stream.
 */
final class Xoshiro256 {
    /** The state, read by a kernel that steps the generator inline (see {@link CheckerboardMetropolisChain#update}). */
    long s0;
    long s1;
    long s2;
    long s3;

    Xoshiro256(RandomGenerator seed) {
        // four draws of a full-period stream are all zero with probability 2^-256: not guarded
        this.s0 = seed.nextLong();
        this.s1 = seed.nextLong();
        this.s2 = seed.nextLong();
        this.s3 = seed.nextLong();
    }

    /** Fills {@code out[from … out.length − 1]} with the next words, in order. */
    void fill(long[] out, int from) {
        long a = s0;
        long b = s1;
        long c = s2;
        long d = s3;
        for (int k = from; k < out.length; k++) {
            out[k] = Long.rotateLeft(b * 5, 7) * 9;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
        }
        s0 = a;
        s1 = b;
        s2 = c;
        s3 = d;
    }
}
