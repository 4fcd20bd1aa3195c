/*
 * What the Java Vector API (jdk.incubator.vector, JDK 17) gives the multi-spin kernel: the cost of
 * drawing its random words, xoshiro256** as the kernel draws them (one stream, state in locals,
 * a block of 1024 words per call) against eight xoshiro256** streams in the lanes of one 512-bit
 * vector (same block). CPU time of the thread, best of three one-second rounds. Not a test, not
 * part of the build (the incubator module needs --add-modules at compile and run time):
 *   java --add-modules jdk.incubator.vector bench/java/XoshiroWords.java
 */
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

public final class XoshiroWords {
    private static final VectorSpecies<Long> SPECIES = LongVector.SPECIES_512;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final long[] words = new long[1024];
    private final long[] lanes = new long[4 * SPECIES.length()];
    private long s0 = 0x9E3779B97F4A7C15L;
    private long s1 = 0xBF58476D1CE4E5B9L;
    private long s2 = 0x94D049BB133111EBL;
    private long s3 = 0x2545F4914F6CDD1DL;

    private XoshiroWords() {
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = 0x9E3779B97F4A7C15L * (i + 1) ^ (i * 7919L);
        }
    }

    private void scalar() {
        long a = s0, b = s1, c = s2, d = s3;
        for (int k = 0; k < words.length; k++) {
            words[k] = Long.rotateLeft(b * 5, 7) * 9;
            long t = b << 17;
            c ^= a;
            d ^= b;
            b ^= c;
            a ^= d;
            c ^= t;
            d = Long.rotateLeft(d, 45);
        }
        s0 = a; s1 = b; s2 = c; s3 = d;
    }

    private void vector() {
        int n = SPECIES.length();
        LongVector a = LongVector.fromArray(SPECIES, lanes, 0);
        LongVector b = LongVector.fromArray(SPECIES, lanes, n);
        LongVector c = LongVector.fromArray(SPECIES, lanes, 2 * n);
        LongVector d = LongVector.fromArray(SPECIES, lanes, 3 * n);
        for (int k = 0; k < words.length; k += n) {
            LongVector times5 = b.lanewise(VectorOperators.LSHL, 2).add(b);
            // rotations as shift pairs: VectorOperators.ROL was not compiled to vector code by JDK 17 here (6 ns/word)
            LongVector rotated = times5.lanewise(VectorOperators.LSHL, 7).or(times5.lanewise(VectorOperators.LSHR, 57));
            rotated.lanewise(VectorOperators.LSHL, 3).add(rotated).intoArray(words, k);
            LongVector t = b.lanewise(VectorOperators.LSHL, 17);
            c = c.lanewise(VectorOperators.XOR, a);
            d = d.lanewise(VectorOperators.XOR, b);
            b = b.lanewise(VectorOperators.XOR, c);
            a = a.lanewise(VectorOperators.XOR, d);
            c = c.lanewise(VectorOperators.XOR, t);
            d = d.lanewise(VectorOperators.LSHL, 45).or(d.lanewise(VectorOperators.LSHR, 19));
        }
        a.intoArray(lanes, 0);
        b.intoArray(lanes, n);
        c.intoArray(lanes, 2 * n);
        d.intoArray(lanes, 3 * n);
    }

    private double nanosPerWord(Runnable block) {
        long words = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        while (THREADS.getCurrentThreadCpuTime() - start < 1_000_000_000L) {
            for (int r = 0; r < 100; r++) {
                block.run();
            }
            words += 100L * this.words.length;
        }
        return (double) (THREADS.getCurrentThreadCpuTime() - start) / words;
    }

    public static void main(String[] args) {
        XoshiroWords bench = new XoshiroWords();
        double scalar = Double.MAX_VALUE;
        double vector = Double.MAX_VALUE;
        for (int round = 0; round < 4; round++) { // round 0 warms up the JIT
            double s = bench.nanosPerWord(bench::scalar);
            double v = bench.nanosPerWord(bench::vector);
            if (round > 0) {
                scalar = Math.min(scalar, s);
                vector = Math.min(vector, v);
            }
        }
        System.out.printf("xoshiro256** words: scalar %.3f ns, %d-lane vector %.3f ns, ratio %.2f%n",
                scalar, SPECIES.length(), vector, scalar / vector);
    }
}
