package io.phasesweep.engine.refine;

import io.phasesweep.engine.fss.PowerLaw;

import java.util.ArrayList;
import java.util.List;

/**
 * The variance of an exponent as a function of the replicas per size, the model the replica
 * allocation minimises for an exponent target (the {@link VarianceModel} is the critical value's).
 * The analysis' slope and peak methods fit one quantity per size, q_L = A·L^p·(1 + B·L^(−ω)) with ω
 * given (else q_L = A·L^p); in logarithms that is, to first order in the correction, the straight
 * line ln q_L = ln A + p·ln L + B·L^(−ω), and the exponent's variance is the variance of p in that
 * weighted least-squares fit. Each size's q_L is read by the analysis' local cubic at x_c, so its
 * relative variance is g·s²/n (g the stencil gain {@link ReadPoints#gain}, s² the per-replica
 * variance of the size's data near x_c, n its replicas): the derivative of a curve whose window
 * scales with L^(−1/ν) has a relative error nearly independent of L at equal g·s²/n, so the common
 * factor between a value's and a slope's variance cancels, and only the ratios matter.
 *
 * <p>Unlike x_c's intercept, which the largest pairs pin, p needs the lever arm of every size. On
 * ising2d-refine (73d8935) the critical value's model gave rounds 4–6 to L = 24–48 (107 replicas
 * per value at L = 32, 10 at L = 12–16) and left the slope's ν at 0.031 against a target of 0.03;
 * refitting its slopes at x_c showed twice the replicas at L = 32 leave the variance of p as it
 * is, twice at L = 48 cut it by 30 %, at L = 12 by 12 %. As for the crossings, the fit without
 * the smallest size counts too (the analysis' drop_smallest variant enters the error). The
 * correction is fitted from {@link PowerLaw#MIN_SIZES} sizes on, as the analysis fits it.
 *
 * @param sizes the sizes the analysis fits, ascending; a size counts when it is
 *              {@link SizeVariance#sampled} (a coarse curve's slope at x_c is the grid's, not the data's)
 * @param omega the correction exponent ω the analysis is given, or NaN for none
 */
record ExponentVariance(List<SizeVariance> sizes, double omega) {

    /** The variance of p with {@code replicas[i]} replicas at {@code sizes.get(i)}; infinite when the sizes do not determine it. */
    double variance(double[] replicas) {
        List<Integer> used = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            SizeVariance s = sizes.get(i);
            if (s.sampled() && relative(s, replicas[i]) > 0 && Double.isFinite(relative(s, replicas[i]))) {
                used.add(i);
            }
        }
        double all = fit(replicas, used);
        double withoutSmallest = used.isEmpty() ? Double.NaN : fit(replicas, used.subList(1, used.size()));
        return Double.isFinite(withoutSmallest) ? all + withoutSmallest : all;
    }

    private static double relative(SizeVariance s, double replicas) {
        return s.gain() * s.variance() / replicas;
    }

    /**
     * The variance of p fitted to the indexed sizes: with ω, corrected as the analysis fits it from
     * {@link PowerLaw#MIN_SIZES} sizes on, plain below that.
     */
    private double fit(double[] replicas, List<Integer> used) {
        boolean corrected = !Double.isNaN(omega) && used.size() >= PowerLaw.MIN_SIZES;
        int parameters = corrected ? 3 : 2;
        if (used.size() < parameters) {
            return Double.POSITIVE_INFINITY;
        }
        // the weighted normal equations' matrix, symmetric: m[j][k] = Σ w·x_j·x_k over the sizes
        double[][] m = new double[parameters][parameters];
        for (int i : used) {
            int size = sizes.get(i).size();
            double[] x = corrected
                    ? new double[]{1, Math.log(size), Math.pow(size, -omega)}
                    : new double[]{1, Math.log(size)};
            for (int j = 0; j < parameters; j++) {
                for (int k = 0; k < parameters; k++) {
                    m[j][k] += x[j] * x[k] / relative(sizes.get(i), replicas[i]);
                }
            }
        }
        double determinant = m[0][0] * m[1][1] - m[0][1] * m[0][1];
        if (!corrected) {
            return determinant > 0 ? m[0][0] / determinant : Double.POSITIVE_INFINITY;
        }
        return inverseMiddle(m);
    }

    /** Element (1, 1) of the inverse of a symmetric 3×3 matrix: its cofactor over the determinant. */
    private static double inverseMiddle(double[][] m) {
        double cofactor = m[0][0] * m[2][2] - m[0][2] * m[0][2];
        double determinant = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[1][2])
                - m[0][1] * (m[0][1] * m[2][2] - m[1][2] * m[0][2])
                + m[0][2] * (m[0][1] * m[1][2] - m[1][1] * m[0][2]);
        return determinant > 0 ? cofactor / determinant : Double.POSITIVE_INFINITY;
    }
}
