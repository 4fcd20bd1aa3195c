package io.phasesweep.engine.refine;

import java.util.List;

/**
 * The variance of the estimate as a function of the replicas per size, the model the replica
 * allocation minimises. With a crossing observable, each pair of consecutive sizes (a, b) locates
 * the transition with variance (s²_a/n_a + s²_b/n_b)/(slope_b − slope_a)², the slope of a size's
 * curve at x_c growing as L^(1/ν) (finite-size scaling; its common factor cancels), and the pairs
 * combine by inverse variance, as the crossing analysis' constant does; without one, each size is
 * a measurement of relative variance s²/(value²·n), combined likewise. Only the ratios matter: it
 * ranks where a replica helps most.
 *
 * @param sizes measured sizes, ascending
 * @param nu    the current estimate of ν
 */
record VarianceModel(List<SizeVariance> sizes, boolean crossing, double nu) {

    /** The variance with {@code replicas[i]} replicas at {@code sizes.get(i)}; infinite when nothing locates x_c. */
    double variance(double[] replicas) {
        double information = 0;
        if (crossing) {
            for (int i = 0; i + 1 < sizes.size(); i++) {
                SizeVariance a = sizes.get(i);
                SizeVariance b = sizes.get(i + 1);
                double d = Math.pow(b.size(), 1 / nu) - Math.pow(a.size(), 1 / nu);
                double v = (a.variance() / replicas[i] + b.variance() / replicas[i + 1]) / (d * d);
                information += v > 0 && Double.isFinite(v) ? 1 / v : 0;
            }
        } else {
            for (int i = 0; i < sizes.size(); i++) {
                SizeVariance s = sizes.get(i);
                double v = s.variance() / (s.level() * s.level() * replicas[i]);
                information += v > 0 && Double.isFinite(v) ? 1 / v : 0;
            }
        }
        return 1 / information;
    }
}
