package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * xoshiro256** (Blackman and Vigna 2018), every one of its 64 output bits of full quality, stepped
 * inline by the kernels with the state in a local array ({@link #state}, {@link #next}): in the
 * object's fields C2 stored and reloaded it around every word, and the JDK's generators behind
 * their interface cost the kernels a factor 2. Seeded from four words of the point's dynamics
 * stream.
 */
final class Xoshiro256 {
    private long s0;
    private long s1;
    private long s2;
    private long s3;

    Xoshiro256(RandomGenerator seed) {
        // four draws of a full-period stream are all zero with probability 2^-256: not guarded
        this.s0 = seed.nextLong();
        this.s1 = seed.nextLong();
        this.s2 = seed.nextLong();
        this.s3 = seed.nextLong();
    }

    /**
     * A copy of the state, for a kernel that steps the generator inline with {@link #next} and
     * {@link #save}s it at the end: inlined into the kernel, the array does not escape, and C2
     * replaces it by four locals (no allocation in the compiled metropolis-msc sweep).
     */
    long[] state() {
        return new long[]{s0, s1, s2, s3};
    }

    void save(long[] state) {
        s0 = state[0];
        s1 = state[1];
        s2 = state[2];
        s3 = state[3];
    }

    /** The next word of the generator whose state is {@code state} (from {@link #state}), stepping it. */
    static long next(long[] state) {
        long a = state[0];
        long b = state[1];
        long c = state[2] ^ a;
        long d = state[3] ^ b;
        long out = Long.rotateLeft(b * 5, 7) * 9;
        state[0] = a ^ d;
        state[1] = b ^ c;
        state[2] = c ^ (b << 17);
        state[3] = Long.rotateLeft(d, 45);
        return out;
    }
}
