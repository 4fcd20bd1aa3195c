package io.phasesweep.engine.models.ising;

import java.util.Arrays;

/**
 * 64 counters at once, one per bit lane of the words added, bit-sliced: plane b holds bit b of
 * every lane's count. Words are added sixteen at a time by a tree of carry-save adders
 * (Harley and Seal's popcount scheme, vertical): fifteen full adders fold sixteen words into the
 * planes of 1, 2, 4 and 8, and only the carry into 16 ripples further. A word added alone would
 * ripple through about log2(64) + 1 planes, since the carry stops only when no lane carries.
 */
final class LaneCounters {
    private static final int BLOCK = 16;
    /** Planes 0-3 are the adder tree's accumulators; the rest are reached by ripple. */
    private final long[] planes;
    private final long[] block = new long[BLOCK];
    private int filled;

    /** Counters that hold counts below 2^bits (at least 16, the adder tree's own range). */
    LaneCounters(int bits) {
        this.planes = new long[Math.max(bits, 5)];
    }

    void clear() {
        Arrays.fill(planes, 0);
        filled = 0;
    }

    /** Adds bit k of {@code word} to lane k's count. */
    void add(long word) {
        block[filled++] = word;
        if (filled == BLOCK) {
            addBlock();
            filled = 0;
        }
    }

    /** Every lane's count of the bits added since {@link #clear}: {@code out[k]} for lane k. */
    void counts(long[] out) {
        for (int w = 0; w < filled; w++) {
            ripple(block[w], 0);
        }
        filled = 0;
        for (int lane = 0; lane < out.length; lane++) {
            long count = 0;
            for (int b = 0; b < planes.length; b++) {
                count |= ((planes[b] >>> lane) & 1L) << b;
            }
            out[lane] = count;
        }
    }

    private void addBlock() {
        long[] w = block;
        long ones = planes[0];
        long twos = planes[1];
        long fours = planes[2];
        long eights = planes[3];
        // Each step is a full adder of (accumulator, a, b): the accumulator keeps the sum bit,
        // the carry goes one plane up, to be added there in pairs.
        long u = ones ^ w[0];
        long twosA = (ones & w[0]) | (u & w[1]);
        ones = u ^ w[1];
        u = ones ^ w[2];
        long twosB = (ones & w[2]) | (u & w[3]);
        ones = u ^ w[3];
        u = twos ^ twosA;
        long foursA = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = ones ^ w[4];
        twosA = (ones & w[4]) | (u & w[5]);
        ones = u ^ w[5];
        u = ones ^ w[6];
        twosB = (ones & w[6]) | (u & w[7]);
        ones = u ^ w[7];
        u = twos ^ twosA;
        long foursB = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = fours ^ foursA;
        long eightsA = (fours & foursA) | (u & foursB);
        fours = u ^ foursB;
        u = ones ^ w[8];
        twosA = (ones & w[8]) | (u & w[9]);
        ones = u ^ w[9];
        u = ones ^ w[10];
        twosB = (ones & w[10]) | (u & w[11]);
        ones = u ^ w[11];
        u = twos ^ twosA;
        foursA = (twos & twosA) | (u & twosB);
        twos = u ^ twosB;
        u = ones ^ w[12];
        twosA = (ones & w[12]) | (u & w[13]);
        ones = u ^ w[13];
        u = ones ^ w[14];
        twosB = (ones & w[14]) | (u & w[15]);
        ones = u ^ w[15];
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
