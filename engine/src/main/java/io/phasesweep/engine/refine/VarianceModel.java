package io.phasesweep.engine.refine;

import java.util.List;

/**
 * The variance of the estimate as a function of the replicas per size, the model the replica
 * allocation minimises. With a crossing observable, each pair of consecutive sizes (a, b) locates
 * its crossing with variance v = (g_a·s²_a/n_a + g_b·s²_b/n_b)/(slope_b − slope_a)², g a size's
 * stencil gain (the analysis' local cubic at x_c through several points: {@link ReadPoints#gain}),
 * s² its per-replica variance, n its replicas, the slope of a size's
 * curve at x_c growing as L^(1/ν) (finite-size scaling; its common factor cancels). Without a drift
 * the pairs combine by inverse variance, as the crossing analysis' constant does; with a drift
 * exponent e (the analysis' x_c + a·L^(−e) with e = 1/ν + ω when ω is given) the variance is the
 * intercept's of that weighted straight line in u = L_a^(−e): the largest pairs pin x_c, the
 * smaller ones only the drift, so replicas of small sizes gain little (and the fits without the
 * smallest pairs count too, see {@link #variance}). Without a crossing, each
 * size is a measurement of relative variance s²/(value²·n), combined by inverse variance. Only
 * the ratios matter: it ranks where a replica helps most.
 *
 * @param sizes every size the analysis will pair (consecutive sizes with points after the round), ascending;
 *              a pair counts only when both its sizes are {@link SizeVariance#sampled}: the crossing of a
 *              coarse curve is the grid's resolution, which replicas do not improve (with the pairs of
 *              percolation's coarse L = 32–256 counted, the planner bought 47 878 points at L = 16, the
 *              only size with a window, in one round)
 * @param nu    the current estimate of ν
 * @param drift the drift exponent e of the crossings, or NaN for none
 */
record VarianceModel(List<SizeVariance> sizes, boolean crossing, double nu, double drift) {

    /**
     * The variance with {@code replicas[i]} replicas at {@code sizes.get(i)}; infinite when nothing
     * locates x_c. With a drift, the sum of the intercept's variance over all pairs, over all but
     * the smallest, and so on down to the two largest pairs: corrections beyond the leading one
     * bias the small pairs (the analysis' drift_drop_smallest variant checks this, and its
     * disagreement enters the estimate's error), and only the largest sizes make the estimates
     * without them precise. (With all pairs alone the model gave the replicas to L = 8–24 and
     * left L = 32 at 3 per value on 2D Ising.)
     */
    double variance(double[] replicas) {
        if (!crossing) {
            double information = 0;
            for (int i = 0; i < sizes.size(); i++) {
                SizeVariance s = sizes.get(i);
                if (!s.sampled()) {
                    continue;
                }
                double v = s.gain() * s.variance() / (s.level() * s.level() * replicas[i]);
                information += v > 0 && Double.isFinite(v) ? 1 / v : 0;
            }
            return 1 / information;
        }
        if (Double.isNaN(drift)) {
            return crossings(replicas, 0);
        }
        double sum = crossings(replicas, 0);
        for (int from = 1; from + 2 < sizes.size(); from++) {
            double v = crossings(replicas, from);
            sum += Double.isFinite(v) ? v : 0;
        }
        return sum;
    }

    /** The crossings' estimate from the pairs of consecutive sizes from index {@code from} on. */
    private double crossings(double[] replicas, int from) {
        double s1 = 0;
        double su = 0;
        double suu = 0;
        for (int i = from; i + 1 < sizes.size(); i++) {
            SizeVariance a = sizes.get(i);
            SizeVariance b = sizes.get(i + 1);
            if (!a.sampled() || !b.sampled()) {
                continue;
            }
            double d = Math.pow(b.size(), 1 / nu) - Math.pow(a.size(), 1 / nu);
            double v = (a.gain() * a.variance() / replicas[i] + b.gain() * b.variance() / replicas[i + 1]) / (d * d);
            if (v > 0 && Double.isFinite(v)) {
                double u = Double.isNaN(drift) ? 0 : Math.pow(a.size(), -drift);
                s1 += 1 / v;
                su += u / v;
                suu += u * u / v;
            }
        }
        double determinant = s1 * suu - su * su;
        // the straight line's intercept, when two or more pairs at different u determine it
        return determinant > 1e-12 * s1 * suu ? suu / determinant : 1 / s1;
    }
}
