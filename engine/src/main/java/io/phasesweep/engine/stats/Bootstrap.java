package io.phasesweep.engine.stats;

/** Bootstrap resampling helpers: Poisson draws as multiplicities, spread of replicate estimates. */
public final class Bootstrap {
    private static final double POISSON_ZERO = Math.exp(-1);

    private Bootstrap() {
    }

    /**
     * A Poisson(1) count from one uniform number u in [0, 1), by inversion of the distribution
     * function: the weight of an item in one resample of a Poisson bootstrap, where each item is
     * drawn a Poisson(1) number of times independently of the others (so a resample can be drawn
     * item by item, wherever the items are, instead of n draws from the whole set).
     */
    public static int poisson(double u) {
        int k = 0;
        double p = POISSON_ZERO;
        double cdf = p;
        // P(k > 20) is below 1e-19: the cap only guards against a cdf that rounds to just under u
        while (u >= cdf && k < 20) {
            k++;
            p /= k;
            cdf += p;
        }
        return k;
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
