package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.special.Gamma;

/**
 * The point errors that weigh a collapse's S: each size's jackknife errors smoothed along its curve.
 * log e is fitted, over the points of one size with an error, by a quadratic in the control value,
 * each point weighted by its replicas, and every point takes the quadratic's value.
 *
 * <p>Why: the error of a point from n replicas is itself uncertain, log e by about 1/√(2(n − 1)),
 * ±0.27 at the README's 8 replicas, so now and then a point's error is half its true value and the
 * point weighs four times what it should in S. The bootstrap does not see that: it resamples the
 * values with the errors held, so the point scatters by its too small error there. On seed 12 of
 * {@code sweeps/ising2d-quick.yaml} the L = 32, T = 2.1753 Binder point had an error of 1.1·10⁻⁴
 * against 2.2·10⁻⁴ from the spread of its value over the 36 other seeds, from which it lay 2.7 of those
 * errors off; with its neighbours it held the corrected collapse at ν = 1.067 ± 0.015 (+4.5σ).
 * With the errors smoothed: ν = 1.044 ± 0.014. An error's size varies slowly along a curve (over a
 * decade and a half across the 2D Ising window, smoothly), so the quadratic takes its shape from
 * all the size's points and its noise from none in particular: around the quadratic the 37 seeds'
 * 185 curves scattered by 0.27 in log e (median; 0.49 at most), the replica noise itself.
 *
 * <p>A size keeps its own errors when the quadratic does not describe them: fewer than
 * {@link #MIN_POINTS} points with an error, or a scatter about it beyond twice the replicas' (a
 * χ²/dof above 4), as where errors fall by orders of magnitude onto a 0/1 observable's plateau.
 */
final class CollapseErrors {
    /** Points of a size the quadratic needs: twice its three coefficients. */
    static final int MIN_POINTS = 6;
    /** The scatter about the quadratic, in units of the replicas', beyond which a size keeps its own errors: 2, squared. */
    static final double MAX_CHI2_DOF = 4.0;

    private CollapseErrors() {
    }

    /** The smoothed errors of {@code obs} for every size of {@code c} (size index first). */
    static double[][] of(ResampledCurves c, int obs) {
        double[][] e = new double[c.sizeCount()][];
        for (int s = 0; s < c.sizeCount(); s++) {
            Curve curve = c.curve(0, s, obs);
            e[s] = smoothed(curve.x(), curve.error(), curve.replicas());
        }
        return e;
    }

    /**
     * One size's errors smoothed; points without a usable error (none, or 0) keep it. The quadratic
     * fits log e, whose mean from n replicas lies below the log of the error by
     * −½(ψ((n − 1)/2) − ln((n − 1)/2)) (0.075 at n = 8) for a χ²-distributed variance: each point's
     * value is raised by that, so the smoothed variance is the replicas' on average, and S keeps its
     * meaning of a χ²/dof.
     */
    static double[] smoothed(double[] x, double[] error, int[] replicas) {
        int m = 0;
        for (int i = 0; i < x.length; i++) {
            m += usable(error[i], replicas[i]) ? 1 : 0;
        }
        if (m < MIN_POINTS) {
            return error;
        }
        double mid = 0.5 * (x[0] + x[x.length - 1]);
        double half = 0.5 * (x[x.length - 1] - x[0]);
        double[][] design = new double[m][];
        double[] log = new double[m];
        double[] sigma = new double[m];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (usable(error[i], replicas[i])) {
                double u = (x[i] - mid) / half;
                design[k] = new double[]{1, u, u * u};
                log[k] = Math.log(error[i]) + logBias(replicas[i]);
                sigma[k] = 1 / Math.sqrt(2.0 * (replicas[i] - 1));
                k++;
            }
        }
        LeastSquares.Fit fit = LeastSquares.weighted(design, log, sigma);
        if (!(fit.chi2PerDof() <= MAX_CHI2_DOF)) {
            return error;
        }
        double[] p = fit.params();
        double[] out = error.clone();
        for (int i = 0; i < x.length; i++) {
            if (usable(error[i], replicas[i])) {
                double u = (x[i] - mid) / half;
                out[i] = Math.exp(p[0] + p[1] * u + p[2] * u * u);
            }
        }
        return out;
    }

    private static boolean usable(double error, int replicas) {
        return error > 0 && replicas > 1;
    }

    /** How far the mean log of an error from n replicas lies below the log of the error (χ² variance, n − 1 dof). */
    private static double logBias(int replicas) {
        double half = 0.5 * (replicas - 1);
        return -0.5 * (Gamma.digamma(half) - Math.log(half));
    }
}
