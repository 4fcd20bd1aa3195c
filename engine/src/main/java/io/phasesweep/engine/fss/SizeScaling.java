package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.LeastSquares;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * Power laws against size from per-size quantities q(L) measured on every resample: the height of
 * a peak (γ/ν from chi), an observable at x_c (β/ν from absm, with x_c taken from the same resample,
 * so its uncertainty is included), the slope at x_c (1/ν from a Binder cumulant), or a location.
 * log|q| = c + p·log L is fitted by weighted least squares, each size weighted by the bootstrap
 * error of its log|q|; the error of p is the bootstrap spread of p refitted on every resample, and
 * the quality is χ²/dof of the full-data fit.
 */
final class SizeScaling {
    private SizeScaling() {
    }

    /** A per-size quantity on resample b (0 = full data) for size index s. */
    @FunctionalInterface
    interface PerSize {
        double at(int b, int s);
    }

    /** q[b][s] for b = 0..B. */
    static double[][] table(ResampledCurves c, PerSize q) {
        double[][] t = new double[c.resamples() + 1][c.sizeCount()];
        for (int b = 0; b <= c.resamples(); b++) {
            for (int s = 0; s < c.sizeCount(); s++) {
                t[b][s] = q.at(b, s);
            }
        }
        return t;
    }

    /** Error of column s of q over the resamples. */
    static double spread(double[][] q, int s) {
        double[] col = new double[q.length - 1];
        for (int b = 1; b < q.length; b++) {
            col[b - 1] = q[b][s];
        }
        return Bootstrap.finite(col).std();
    }

    /**
     * Fits q ∝ L^p using the sizes from index {@code from} on.
     *
     * @param sizes all sizes of the group, ascending, matching the columns of q
     */
    static ResampledEstimate powerLaw(int[] sizes, double[][] q, int from) {
        int n = sizes.length - from;
        List<Integer> used = IntStream.of(sizes).skip(from).boxed().toList();
        int resamples = q.length - 1;
        double[][] logQ = new double[q.length][n];
        for (int b = 0; b < q.length; b++) {
            for (int k = 0; k < n; k++) {
                logQ[b][k] = Math.log(Math.abs(q[b][from + k]));
            }
        }
        double[] sigma = new double[n];
        double[][] design = new double[n][];
        for (int k = 0; k < n; k++) {
            sigma[k] = spread(logQ, k);
            design[k] = new double[]{1.0, Math.log(sizes[from + k])};
            if (!(sigma[k] > 0) || !Double.isFinite(logQ[0][k])) {
                return ResampledEstimate.failed(used, "no usable value or error at size " + sizes[from + k], resamples);
            }
        }
        if (n < 2) {
            return ResampledEstimate.failed(used, "needs at least two sizes", resamples);
        }
        LeastSquares.Fit full = LeastSquares.weighted(design, logQ[0], sigma);
        double[] replicates = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            replicates[b - 1] = allFinite(logQ[b])
                    ? LeastSquares.weighted(design, logQ[b], sigma).params()[1] : Double.NaN;
        }
        return new ResampledEstimate(full.params()[1], replicates, used, String.format(Locale.ROOT,
                "chi2/dof=%s (dof %d)", CrossingAnalysis.perDof(full.chi2(), full.dof()), full.dof()));
    }

    /**
     * Fits location(L) = x_c + a·L^(−e) (e = 1/ν for a peak position) using the sizes from index
     * {@code from} on; returns x_c and e.
     */
    static ResampledEstimate[] shift(int[] sizes, double[][] location, int from) {
        int n = sizes.length - from;
        List<Integer> used = IntStream.of(sizes).skip(from).boxed().toList();
        int resamples = location.length - 1;
        if (n < 3) {
            ResampledEstimate f = ResampledEstimate.failed(used, "x_c + a*L^-e needs at least three sizes", resamples);
            return new ResampledEstimate[]{f, f};
        }
        double[] l = new double[n];
        double[] sigma = new double[n];
        double[][] y = new double[location.length][n];
        for (int k = 0; k < n; k++) {
            l[k] = sizes[from + k];
            sigma[k] = spread(location, from + k);
            for (int b = 0; b < location.length; b++) {
                y[b][k] = location[b][from + k];
            }
        }
        if (!allFinite(y[0]) || !Arrays.stream(sigma).allMatch(v -> v > 0 && Double.isFinite(v))) {
            ResampledEstimate f = ResampledEstimate.failed(used, "location or its error missing at some size", resamples);
            return new ResampledEstimate[]{f, f};
        }
        ShiftFit full = ShiftFit.fit(l, y[0], sigma);
        double[] xc = new double[resamples];
        double[] e = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            ShiftFit f = allFinite(y[b]) ? ShiftFit.fit(l, y[b], sigma) : null;
            xc[b - 1] = f == null ? Double.NaN : f.xc();
            e[b - 1] = f == null ? Double.NaN : f.exponent();
        }
        String q = String.format(Locale.ROOT, "chi2/dof=%s (dof %d); exponent bounded to [%s, %s]",
                CrossingAnalysis.perDof(full.chi2(), full.dof()), full.dof(), ShiftFit.MIN_EXPONENT, ShiftFit.MAX_EXPONENT);
        return new ResampledEstimate[]{new ResampledEstimate(full.xc(), xc, used, q),
                new ResampledEstimate(full.exponent(), e, used, q)};
    }

    /** Position and height of the maximum of a curve from a parabola through up to five points around the grid maximum. */
    record Peak(double location, double height, boolean atEdge) {
        static Peak of(double[] x, double[] y) {
            int top = 0;
            for (int i = 1; i < y.length; i++) {
                if (y[i] > y[top]) {
                    top = i;
                }
            }
            int lo = Math.max(0, top - 2);
            int hi = Math.min(y.length - 1, top + 2);
            int[] window = IntStream.rangeClosed(lo, hi).toArray();
            boolean edge = top == 0 || top == y.length - 1;
            LocalPolynomial p = LocalPolynomial.through(x, y, window, x[top], 2);
            if (p.coefficient(2) < 0) {
                double vertex = x[top] - p.coefficient(1) / (2 * p.coefficient(2));
                if (vertex >= x[lo] && vertex <= x[hi]) {
                    return new Peak(vertex, p.value(vertex), edge);
                }
            }
            return new Peak(x[top], y[top], edge);
        }
    }

    static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }
}
