package io.phasesweep.engine.stats;

import java.util.random.RandomGenerator;

/** Bootstrap resampling helpers: draws as multiplicities, spread of replicate estimates. */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** How often each of n items is drawn when n items are drawn with replacement. */
    public static int[] counts(int n, RandomGenerator rng) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[rng.nextInt(n)]++;
        }
        return c;
    }

    /**
     * Moments of the finite replicate estimates (a replicate can fail, e.g. no crossing in that
     * resample: it is left out, and callers report how many were). Their standard deviation is the
     * bootstrap standard error.
     */
    public static Moments finite(double[] replicates) {
        Moments m = Moments.EMPTY;
        for (double r : replicates) {
            if (Double.isFinite(r)) {
                m = m.plus(r);
            }
        }
        return m;
    }
}
