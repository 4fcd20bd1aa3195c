package io.phasesweep.engine.sweep;

import java.nio.charset.StandardCharsets;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Seeds derived from the sweep's master seed and a point's identity alone, so that a point's random
 * numbers do not depend on partitioning, executor count, retries or the rest of the sweep.
 *
 * <p>Mixing is SplitMix64 (Steele, Lea, Flood 2014) folded over the UTF-8 bytes of a label. The
 * generator is L64X128MixRandom from java.util.random: a fixed, specified algorithm, so a seed
 * gives the same stream on every JVM.
 */
public final class Seeds {
    private static final String ALGORITHM = "L64X128MixRandom";
    private static final RandomGeneratorFactory<RandomGenerator> FACTORY = factory();
    /** SplitMix64's increment, the odd integer nearest 2^64 / golden ratio. */
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private Seeds() {
    }

    /**
     * The disorder seed depends on size and replica only: couplings, patterns or data of one sample
     * are the same at every value of the control parameter (and of every other axis).
     */
    public static long disorder(long masterSeed, int size, int replica) {
        return mix(masterSeed, "disorder|size=" + size + "|replica=" + replica);
    }

    /** The dynamics seed depends on the whole point key (Monte Carlo moves, SGD batches). */
    public static long dynamics(long masterSeed, String pointKey) {
        return mix(masterSeed, "dynamics|" + pointKey);
    }

    /**
     * The seed of a replica's bootstrap weights: like the disorder seed it depends on size and
     * replica only, so a replica weighs the same in resample b at every value of the control
     * parameter (and of every other axis), and the weights do not depend on where its rows are.
     */
    public static long bootstrap(long masterSeed, int size, int replica) {
        return mix(masterSeed, "bootstrap|size=" + size + "|replica=" + replica);
    }

    /**
     * The {@code index}-th number of the SplitMix64 stream started at {@code seed}, uniform in [0, 1):
     * a counter-based stream, so any index is drawn directly, without the ones before it.
     */
    public static double uniform(long seed, long index) {
        return (splitmix(seed + index * GOLDEN_GAMMA) >>> 11) * 0x1.0p-53;
    }

    /**
     * The JDK finds the algorithm once per JVM, with the context class loader of the first caller. On
     * a Spark executor that is Spark's REPL class loader, whose parent is the boot loader, which cannot
     * see the jdk.random module: every algorithm would be "not available". So look it up with the
     * system class loader.
     */
    private static RandomGeneratorFactory<RandomGenerator> factory() {
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(ClassLoader.getSystemClassLoader());
        try {
            return RandomGeneratorFactory.of(ALGORITHM);
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    public static RandomGenerator generator(long seed) {
        return FACTORY.create(seed);
    }

    static long mix(long seed, String label) {
        long h = splitmix(seed);
        for (byte b : label.getBytes(StandardCharsets.UTF_8)) {
            h = splitmix(h ^ (b & 0xffL));
        }
        return h;
    }

    static long splitmix(long x) {
        long z = x + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
