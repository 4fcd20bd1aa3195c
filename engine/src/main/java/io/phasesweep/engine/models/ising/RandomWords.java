package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * A chain's generator read ahead: its raw {@code nextLong} words, drawn in blocks into
 * {@link #words} and read by the kernel in the order drawn, with the JDK's own conversions
 * ({@link #uniformBits}, {@link #remainderBelow}), so that the chain consumes exactly the numbers it would
 * have drawn one by one and its trajectory does not change. The kernel keeps the array and its read
 * index in locals. Why: C2 keeps a generator's state in its fields, so one draw per random number
 * loaded and stored the state around every draw; a loop that only draws keeps it in registers
 * (a copy of the Metropolis kernel at L = 64, same run: 14.3-14.7 ns per attempt against
 * 15.7-17.1 with each number drawn through the interface). The generator must not be read by anyone else once this has drawn ahead.
 */
final class RandomWords {
    private static final int BLOCK = 1024;
    final long[] words = new long[BLOCK];
    /** The first unread word: the kernel reads it into a local at the start of an update and writes it back at the end. */
    int next = BLOCK;
    private final RandomGenerator source;

    RandomWords(RandomGenerator source) {
        this.source = source;
    }

    /**
     * Moves the unread words, from {@code next} on, to the front, draws the rest, and returns the
     * new index of the first unread word, 0.
     */
    int refill(int next) {
        int kept = words.length - next;
        System.arraycopy(words, next, words, 0, kept);
        for (int k = kept; k < words.length; k++) {
            words[k] = source.nextLong();
        }
        return 0;
    }

    /**
     * The 53 bits of {@code nextDouble()}: {@code nextDouble() < p} is {@code uniformBits(word) <
     * threshold(p)} exactly (see {@link #threshold}).
     */
    static long uniformBits(long word) {
        return word >>> 11;
    }

    /**
     * The integer t with {@code (k · 2^-53 < p) == (k < t)} for every k in [0, 2^53): t = ⌈p · 2^53⌉
     * for p in [0, 1], 2^53 for p ≥ 1. Exact: k · 2^-53 and p · 2^53 are exact doubles (k below
     * 2^53, scaling by a power of two), so k · 2^-53 < p ⇔ k < p · 2^53 ⇔ k < ⌈p · 2^53⌉ for integer k.
     * A p below 1 is at most 1 − 2^-53, so its threshold is below 2^53: t = 2^53 exactly when p ≥ 1.
     */
    static long threshold(double p) {
        return (long) Math.ceil(Math.min(p, 1.0) * 0x1.0p53);
    }

    /**
     * {@code nextInt(bound)} of java.util.random's generators for a bound that is not a power of
     * two, whose first candidate word had the high half {@code r} and was read just before
     * {@code next}: the remainder of r / 2 (RandomSupport.boundedNextInt), or the next accepted
     * candidate if it was over-represented. Leaves in {@link #next} the index after the words read.
     */
    int remainderBelow(int r, int bound, int next) {
        int u = r >>> 1;
        int draw = u % bound;
        if (u + bound - 1 - draw < 0) {
            return rejected(bound, next);
        }
        this.next = next;
        return draw;
    }

    /**
     * The rest of {@code nextInt(bound)} of java.util.random's generators (RandomSupport.boundedNextInt)
     * for a bound that is not a power of two, after its first candidate was rejected (probability
     * below bound / 2^31): new candidates from the words from {@code next} on until one is
     * accepted. Returns the draw and leaves in {@link #next} the index after the words read, with at
     * least one unread word after it.
     */
    private int rejected(int bound, int next) {
        int n = next;
        int m = bound - 1;
        int u;
        int r;
        do {
            if (n == words.length) {
                n = refill(n);
            }
            u = (int) (words[n++] >>> 32) >>> 1;
            r = u % bound;
        } while (u + m - r < 0);
        this.next = n == words.length ? refill(n) : n;
        return r;
    }
}
