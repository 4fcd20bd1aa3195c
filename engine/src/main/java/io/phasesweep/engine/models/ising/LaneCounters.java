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
        long ones = planes[0];
        long twos = planes[1];
        long fours = planes[2];
        long eights = planes[3];
        // Each step is a full adder of (accumulator, a, b): the accumulator keeps the sum bit,
        // the carry goes one plane up, to be added there in pairs.
        long u = ones ^ words[from];
        long twosA = (ones & words[from]) | (u & words[from + 1]);
        ones = u ^ words[from + 1];
        u = ones ^ words[from + 2];
        long twosB = (ones & words[from + 2]) | (u & words[from + 3]);
        ones = u ^ words[from + 3];
        u = twos ^ twosA;
        long foursA = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = ones ^ words[from + 4];
        twosA = (ones & words[from + 4]) | (u & words[from + 5]);
        ones = u ^ words[from + 5];
        u = ones ^ words[from + 6];
        twosB = (ones & words[from + 6]) | (u & words[from + 7]);
        ones = u ^ words[from + 7];
        u = twos ^ twosA;
        long foursB = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = fours ^ foursA;
        long eightsA = (fours & foursA) | (u & foursB);
        fours = u ^ foursB;
        u = ones ^ words[from + 8];
        twosA = (ones & words[from + 8]) | (u & words[from + 9]);
        ones = u ^ words[from + 9];
        u = ones ^ words[from + 10];
        twosB = (ones & words[from + 10]) | (u & words[from + 11]);
        ones = u ^ words[from + 11];
        u = twos ^ twosA;
        foursA = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = ones ^ words[from + 12];
        twosA = (ones & words[from + 12]) | (u & words[from + 13]);
        ones = u ^ words[from + 13];
        u = ones ^ words[from + 14];
        twosB = (ones & words[from + 14]) | (u & words[from + 15]);
        ones = u ^ words[from + 15];
        u = twos ^ twosA;
        foursB = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = fours ^ foursA;
        long eightsB = (fours & foursA) | (u & foursB);
        fours = u ^ foursB;
        u = eights ^ eightsA;
        long sixteens = (eights & eightsA) | (u & eightsB);
        eights = u ^ eightsB;
        planes[0] = ones;
        planes[1] = twos;
        planes[2] = fours;
        planes[3] = eights;
        ripple(sixteens, 4);
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
