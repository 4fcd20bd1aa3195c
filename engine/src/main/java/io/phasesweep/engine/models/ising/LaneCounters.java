package io.phasesweep.engine.models.ising;

import java.util.Arrays;

/**
 * 64 counters at once, one per bit lane of the words added, bit-sliced: plane b holds bit b of
 * every lane's count. Words are added sixteen at a time by a tree of carry-save adders
 * (Harley and Seal's popcount scheme, vertical): fifteen full adders fold sixteen words into the
 * planes of 1, 2, 4 and 8, and only the carry into 16 ripples further. A word added alone would
 * ripple through about log2(64) + 1 planes, since the carry stops only when no lane carries.
 * The caller collects its words in an array of its own and adds them in batches: a call per word
 * cost the multi-spin sweep a fifth of its time.
 */
final class LaneCounters {
    private static final int BLOCK = 16;
    /** Planes 0-3 are the adder tree's accumulators; the rest are reached by ripple. */
    private final long[] planes;

    /** Counters that hold counts below 2^bits (at least 16, the adder tree's own range). */
    LaneCounters(int bits) {
        this.planes = new long[Math.max(bits, 5)];
    }

    void clear() {
        Arrays.fill(planes, 0);
    }

    /** Adds bit k of each of {@code words[0 … count − 1]} to lane k's count. */
    void add(long[] words, int count) {
        int w = 0;
        for (; w + BLOCK <= count; w += BLOCK) {
            addBlock(words, w);
        }
        for (; w < count; w++) {
            ripple(words[w], 0);
        }
    }

    /** Every lane's count of the bits added since {@link #clear}: {@code out[k]} for lane k. */
    void counts(long[] out) {
        for (int lane = 0; lane < out.length; lane++) {
            long count = 0;
            for (int b = 0; b < planes.length; b++) {
                count |= ((planes[b] >>> lane) & 1L) << b;
            }
            out[lane] = count;
        }
    }

    private void addBlock(long[] words, int from) {
        long foursA = addFour(words, from);
        long foursB = addFour(words, from + 4);
        long fours = planes[2];
        long u = fours ^ foursA;
        long eightsA = (fours & foursA) | (u & foursB);
        fours = u ^ foursB;
        long foursC = addFour(words, from + 8);
        long foursD = addFour(words, from + 12);
        u = fours ^ foursC;
        long eightsB = (fours & foursC) | (u & foursD);
        planes[2] = u ^ foursD;
        long eights = planes[3];
        u = eights ^ eightsA;
        long sixteens = (eights & eightsA) | (u & eightsB);
        planes[3] = u ^ eightsB;
        ripple(sixteens, 4);
    }

    /**
     * Folds four words into the planes of 1 and 2 and returns the carry into 4. Each step is a full
     * adder of (plane, a, b): the plane keeps the sum bit, the carry goes one plane up, to be added
     * there in pairs.
     */
    private long addFour(long[] words, int from) {
        long ones = planes[0];
        long u = ones ^ words[from];
        long twosA = (ones & words[from]) | (u & words[from + 1]);
        ones = u ^ words[from + 1];
        u = ones ^ words[from + 2];
        long twosB = (ones & words[from + 2]) | (u & words[from + 3]);
        planes[0] = u ^ words[from + 3];
        long twos = planes[1];
        u = twos ^ twosA;
        planes[1] = u ^ twosB;
        return (twos & twosA) | (u & twosB);
    }

    /** Adds {@code carry} at plane {@code from}: a binary increment of every lane whose bit is set. */
    private void ripple(long carry, int from) {
        for (int b = from; carry != 0; b++) {
            long next = planes[b] & carry;
            planes[b] ^= carry;
            carry = next;
        }
    }
}
