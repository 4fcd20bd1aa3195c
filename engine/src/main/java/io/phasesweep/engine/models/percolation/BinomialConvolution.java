package io.phasesweep.engine.models.percolation;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * From fixed-n (canonical) results Q_n to occupation probability p: Q(p) = Σ_n C(N,n) pⁿ(1−p)^(N−n) Q_n
 * (Newman &amp; Ziff 2001, eq. 2). Terms more than 12 standard deviations from Np (weight below
 * 1e-30) are skipped.
 */
final class BinomialConvolution {
    private static final double WINDOW_SIGMAS = 12;

    private final int lo;
    private final double[] weights;

    BinomialConvolution(int sites, double p) {
        if (p <= 0 || p >= 1) {
            lo = p <= 0 ? 0 : sites;
            weights = new double[] {1.0};
            return;
        }
        double mean = sites * p;
        double width = WINDOW_SIGMAS * Math.sqrt(sites * p * (1 - p)) + 2;
        lo = (int) Math.max(0, Math.floor(mean - width));
        int hi = (int) Math.min(sites, Math.ceil(mean + width));
        BinomialDistribution binomial = new BinomialDistribution(null, sites, p);
        weights = new double[hi - lo + 1];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = binomial.probability(lo + k);
        }
    }

    /** Σ_n w_n q[n]. */
    double average(double[] q) {
        double s = 0;
        for (int k = 0; k < weights.length; k++) {
            s += weights[k] * q[lo + k];
        }
        return s;
    }

    /** Probability that n ≥ threshold: the p-ensemble value of an indicator that switches on at threshold. */
    double tail(int threshold) {
        double s = 0;
        for (int k = Math.max(0, threshold - lo); k < weights.length; k++) {
            s += weights[k];
        }
        return s;
    }
}
