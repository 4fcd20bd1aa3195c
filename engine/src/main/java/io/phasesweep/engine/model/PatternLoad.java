package io.phasesweep.engine.model;

import java.util.random.RandomGenerator;

/**
 * The number of patterns P stored at a load α = P/N (perceptron, jamming, Hopfield network): αN
 * when it is whole (to rounding), else ⌊αN⌋ or ⌈αN⌉, the ceiling with probability αN − ⌊αN⌋, so
 * that P/N is α on average and a fraction such as SAT is a continuous function of α, piecewise
 * linear between the loads k/N. Rounding αN made it a staircase with steps 1/N wide (0.04 at
 * N = 25), whose crossings with the next size the analysis' cubics read off the steps: in a world
 * of Cover's exact law on the refined perceptron grids (engine test CoverWorld) the best α_c's
 * pulls had rms 1.17 with 57 % within 1σ and the crossing was flagged in 47 % of the trials;
 * with the loads dithered, rms 1.07, 68 % and 28 %.
 */
public final class PatternLoad {
    private PatternLoad() {
    }

    /**
     * P at load α and size N, at least 1; a load between whole counts takes one draw of
     * {@code dither} (the point's dynamics stream, so the patterns, drawn from the disorder stream,
     * stay prefixes of each other across loads), a whole one none.
     */
    public static int count(double alpha, int n, RandomGenerator dither) {
        double load = alpha * n;
        double whole = Math.rint(load);
        if (Math.abs(load - whole) <= 1e-9 * Math.max(1, load)) {
            return (int) Math.max(1, whole);
        }
        return (int) Math.max(1, Math.floor(load + dither.nextDouble()));
    }

    /** The mean of {@link #count}, for cost estimates. */
    public static double mean(double alpha, int n) {
        return Math.max(1, alpha * n);
    }
}
