package io.phasesweep.engine.fss;

import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Data collapse y·L^(−a) = f((x − x_c)·L^(1/ν)), with the quality function S of Houdayer and
 * Hartmann (PRB 70, 014418, 2004): each scaled point is compared with a straight line through the
 * bracketing scaled points of all other sizes, in units of the combined error, so
 * S = (1/N) Σ (Y − Ȳ)² / (dY² + dȲ²) is about 1 when the data collapse within their errors. It
 * needs no common grid. S is minimised over (x_c, 1/ν, a) by Nelder–Mead from the best point of a
 * coarse grid; a is held at 0 for a dimensionless observable. Errors: the minimisation is repeated
 * on every bootstrap resample (started at the full-data minimum, point errors kept at their
 * full-data jackknife values).
 */
final class Collapse {

    /** The three scaling parameters, each with its resample estimates; a is 0 when not fitted. */
    record Result(ResampledEstimate xc, ResampledEstimate inverseNu, ResampledEstimate power) {
    }

    private static final double[] INVERSE_NU_GRID = {0.3, 0.5, 0.7, 1.0, 1.4, 2.0, 3.0};

    private Collapse() {
    }

    static Result run(ResampledCurves c, int obs, boolean fitPower) {
        double[] start = coarseStart(c, obs, fitPower);
        int resamples = c.resamples();
        List<Integer> sizes = IntStream.of(c.sizes()).boxed().toList();
        if (!Double.isFinite(quality(c, 0, obs, start[0], start[1], start[2]))) {
            ResampledEstimate none = ResampledEstimate.failed(sizes, "no collapse: the scaled curves of different"
                    + " sizes do not overlap, or points lack errors (one replica)", resamples);
            return new Result(none, none, none);
        }
        double[] full = minimise(c, 0, obs, fitPower, start);
        double[][] rep = new double[3][resamples];
        for (int b = 1; b <= resamples; b++) {
            double[] p = minimise(c, b, obs, fitPower, full);
            for (int k = 0; k < 3; k++) {
                rep[k][b - 1] = p[k];
            }
        }
        double s = quality(c, 0, obs, full[0], full[1], full[2]);
        String q = String.format(Locale.ROOT, "S=%.3g%s", s,
                s > 3 ? " (poor collapse: corrections to scaling or a window too wide)" : "");
        return new Result(new ResampledEstimate(full[0], rep[0], sizes, q),
                new ResampledEstimate(full[1], rep[1], sizes, q),
                new ResampledEstimate(full[2], rep[2], sizes, q));
    }

    /**
     * Houdayer–Hartmann S on resample b; +∞ when no point has neighbours of another size or 1/ν ≤ 0.
     * Points without a usable error are left out, from the sums and from the overlap the penalty
     * judges: a single replica, or all replicas equal, as a 0/1 observable far from its transition.
     */
    static double quality(ResampledCurves c, int b, int obs, double xc, double inverseNu, double power) {
        if (!(inverseNu > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int n = c.sizeCount();
        double[][] sx = new double[n][];
        double[][] sy = new double[n][];
        double[][] se = new double[n][];
        int total = 0;
        for (int s = 0; s < n; s++) {
            double stretch = Math.pow(c.size(s), inverseNu);
            double scale = Math.pow(c.size(s), -power);
            double[] x = c.x(s);
            double[] y = c.y(b, s, obs);
            double[] e = c.error(s, obs);
            int[] usable = IntStream.range(0, x.length).filter(i -> e[i] > 0).toArray();
            sx[s] = new double[usable.length];
            sy[s] = new double[usable.length];
            se[s] = new double[usable.length];
            for (int k = 0; k < usable.length; k++) {
                int i = usable[k];
                sx[s][k] = (x[i] - xc) * stretch;
                sy[s][k] = y[i] * scale;
                se[s][k] = e[i] * scale;
            }
            total += usable.length;
        }
        double sum = 0;
        int count = 0;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < sx[s].length; i++) {
                double X = sx[s][i];
                double k = 0, kx = 0, ky = 0, kxx = 0, kxy = 0;
                for (int t = 0; t < n; t++) {
                    if (t == s) {
                        continue;
                    }
                    int j = bracket(sx[t], X);
                    if (j < 0) {
                        continue;
                    }
                    for (int m = j; m <= j + 1; m++) {
                        double w = 1 / (se[t][m] * se[t][m]);
                        k += w;
                        kx += w * sx[t][m];
                        ky += w * sy[t][m];
                        kxx += w * sx[t][m] * sx[t][m];
                        kxy += w * sx[t][m] * sy[t][m];
                    }
                }
                double delta = k * kxx - kx * kx;
                if (!(delta > 0)) {
                    continue;
                }
                double mean = (kxx * ky - kx * kxy) / delta + X * (k * kxy - kx * ky) / delta;
                double var = (kxx - 2 * X * kx + X * X * k) / delta;
                double r = sy[s][i] - mean;
                sum += r * r / (se[s][i] * se[s][i] + var);
                count++;
            }
        }
        if (count == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // a collapse judged on few overlapping points is not a collapse: penalise losing overlap
        double s = sum / count;
        return 2 * count < total ? s * total / (2.0 * count) : s;
    }

    /** Index j with xs[j] ≤ x ≤ xs[j+1] (xs ascending), or −1. */
    private static int bracket(double[] xs, double x) {
        if (xs.length < 2 || x < xs[0] || x > xs[xs.length - 1]) {
            return -1;
        }
        int lo = 0;
        int hi = xs.length - 1;
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (xs[mid] <= x) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Nelder–Mead from {@code start}; NaNs when it does not converge (S is piecewise smooth: points
     * enter and leave the overlap of other sizes), which counts as a failed resample.
     */
    private static double[] minimise(ResampledCurves c, int b, int obs, boolean fitPower, double[] start) {
        double[] last = c.x(c.sizeCount() - 1);
        double span = last[last.length - 1] - last[0];
        int dim = fitPower ? 3 : 2;
        double[] steps = Arrays.copyOf(new double[]{0.1 * span, 0.1, 0.1}, dim);
        SimplexOptimizer nm = new SimplexOptimizer(new SimpleValueChecker(1e-7, 1e-10));
        try {
            double[] p = nm.optimize(new MaxEval(4000), GoalType.MINIMIZE,
                    new ObjectiveFunction(q -> quality(c, b, obs, q[0], q[1], fitPower ? q[2] : 0.0)),
                    new InitialGuess(Arrays.copyOf(start, dim)), new NelderMeadSimplex(steps)).getPoint();
            return new double[]{p[0], p[1], fitPower ? p[2] : 0.0};
        } catch (TooManyEvaluationsException e) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /**
     * Best point of a grid: x_c over the control range common to all sizes, 1/ν over
     * {@link #INVERSE_NU_GRID}, and a from the slope of log mean |y| against log L.
     */
    private static double[] coarseStart(ResampledCurves c, int obs, boolean fitPower) {
        int n = c.sizeCount();
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            lo = Math.max(lo, c.x(s)[0]);
            hi = Math.min(hi, c.x(s)[c.x(s).length - 1]);
        }
        if (!(hi > lo)) {
            lo = c.x(n - 1)[0];
            hi = c.x(n - 1)[c.x(n - 1).length - 1];
        }
        double power = 0;
        if (fitPower && n > 1) {
            double first = Math.log(meanAbs(c.y(0, 0, obs)));
            double last = Math.log(meanAbs(c.y(0, n - 1, obs)));
            power = (last - first) / Math.log((double) c.size(n - 1) / c.size(0));
        }
        double[] best = {0.5 * (lo + hi), 1.0, power};
        double bestS = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 10; i++) {
            double xc = lo + i * (hi - lo) / 10;
            for (double inverseNu : INVERSE_NU_GRID) {
                double s = quality(c, 0, obs, xc, inverseNu, power);
                if (s < bestS) {
                    bestS = s;
                    best = new double[]{xc, inverseNu, power};
                }
            }
        }
        return best;
    }

    private static double meanAbs(double[] y) {
        double sum = 0;
        for (double v : y) {
            sum += Math.abs(v);
        }
        return sum / y.length;
    }
}
