package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The critical value from the crossings of consecutive sizes (L_k, L_{k+1}) of a dimensionless
 * observable such as the Binder cumulant.
 *
 * <p>Each pair crossing x*(L_k, L_{k+1}) drifts as x_c + a·L_k^(−ω'), L_k the smaller size of the
 * pair and ω' = 1/ν + ω for a Binder-like observable. The pair crossings are first combined as a
 * constant, by generalised least squares with their bootstrap covariance (adjacent pairs share a
 * size, so they are correlated). When that constant is rejected (χ² p-value below
 * {@link #DRIFT_P_VALUE}) and there are at least {@link #DRIFT_PAIRS} pairs, the drift is fitted
 * instead, with ω' free ({@link ShiftFit}, independent pair errors) and x_c its L → ∞ limit: three
 * parameters need a fourth pair, or the fit is exactly determined and wild (ω' runs to its bound).
 * The drift is kept only when it explains the rejection: its χ² below the constant's (same
 * independent errors) by more than {@link #DRIFT_IMPROVEMENT}, the 95 % point of χ² with the two
 * parameters it adds, and ω' not at a bound. Otherwise the pair crossings scatter beyond their
 * error bars without a trend (noise, correlations the bootstrap misses), and extrapolating that
 * scatter would put x_c anywhere: the constant is kept and its error scaled by √(χ²/dof), as the
 * Particle Data Group does for inconsistent measurements. With fewer pairs a rejected constant is
 * treated the same way, with a note to add sizes. One pair gives its crossing, unextrapolated. The
 * error bar is otherwise the bootstrap spread of the whole procedure, rerun on every resample with
 * the model chosen on the full data.
 */
final class CrossingAnalysis {
    static final double DRIFT_P_VALUE = 0.05;
    static final int DRIFT_PAIRS = 4;
    static final double DRIFT_IMPROVEMENT = 5.991;

    private CrossingAnalysis() {
    }

    static ResampledEstimate run(ResampledCurves c, int obs, List<String> notes) {
        int resamples = c.resamples();
        List<double[]> pairs = new ArrayList<>();
        List<Integer> smaller = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int s = 0; s + 1 < c.sizeCount(); s++) {
            double[] x = new double[resamples + 1];
            x[0] = Crossing.of(c.x(s), c.y(0, s, obs), c.x(s + 1), c.y(0, s + 1, obs), Double.NaN);
            if (Double.isNaN(x[0])) {
                notes.add("no crossing between sizes " + c.size(s) + " and " + c.size(s + 1) + " in their common range");
                continue;
            }
            for (int b = 1; b <= resamples; b++) {
                x[b] = Crossing.of(c.x(s), c.y(b, s, obs), c.x(s + 1), c.y(b, s + 1, obs), x[0]);
            }
            pairs.add(x);
            smaller.add(c.size(s));
            addOnce(sizes, c.size(s));
            addOnce(sizes, c.size(s + 1));
        }
        int p = pairs.size();
        if (p == 0) {
            return ResampledEstimate.failed(sizes, "no pair of sizes crosses", resamples);
        }
        double[] replicates = new double[resamples];
        if (p == 1) {
            System.arraycopy(pairs.get(0), 1, replicates, 0, resamples);
            return new ResampledEstimate(pairs.get(0)[0], replicates,
                    sizes, "one pair of sizes: crossing not extrapolated in L");
        }
        double[][] cov = covariance(pairs);
        for (int k = 0; k < p; k++) {
            // below 1e-10 relative, a spread is rounding, not statistics
            double floor = 1e-10 * Math.max(1.0, Math.abs(pairs.get(k)[0]));
            if (!(cov[k][k] > floor * floor)) {
                return ResampledEstimate.failed(sizes, "pair crossings do not vary over resamples"
                        + " (identical replicas?): no error bar to weight or judge them with", resamples);
            }
        }
        if (!positiveDefinite(cov)) {
            // more pairs than the resamples can pin down, or perfectly correlated pairs
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] = i == j ? cov[i][j] : 0.0;
                }
            }
            notes.add("crossing: bootstrap covariance of the pair crossings is singular; pairs treated as independent");
        }
        double[][] ones = new double[p][];
        for (int k = 0; k < p; k++) {
            ones[k] = new double[]{1.0};
        }
        LeastSquares.Fit constant = LeastSquares.generalized(ones, column(pairs, 0), cov);
        double pValue = 1 - new ChiSquaredDistribution(p - 1).cumulativeProbability(constant.chi2());
        if (p >= DRIFT_PAIRS && pValue < DRIFT_P_VALUE) {
            double[] l = smaller.stream().mapToDouble(Integer::doubleValue).toArray();
            double[] sigma = new double[p];
            for (int k = 0; k < p; k++) {
                sigma[k] = Math.sqrt(cov[k][k]);
            }
            ShiftFit full = ShiftFit.fit(l, column(pairs, 0), sigma);
            double constantChi2 = LeastSquares.weighted(ones, column(pairs, 0), sigma).chi2();
            boolean inside = full.exponent() > ShiftFit.MIN_EXPONENT * 1.001 && full.exponent() < ShiftFit.MAX_EXPONENT / 1.001;
            if (inside && constantChi2 - full.chi2() > DRIFT_IMPROVEMENT) {
                for (int b = 1; b <= resamples; b++) {
                    double[] y = column(pairs, b);
                    replicates[b - 1] = SizeScaling.allFinite(y) ? ShiftFit.fit(l, y, sigma).xc() : Double.NaN;
                }
                return new ResampledEstimate(full.xc(), replicates, sizes, String.format(Locale.ROOT,
                        "drift x_c + a*L^-w fitted, w=%.3g; chi2/dof=%s (dof %d); constant rejected, p=%.2g",
                        full.exponent(), perDof(full.chi2(), full.dof()), full.dof(), pValue));
            }
        }
        for (int b = 1; b <= resamples; b++) {
            double[] y = column(pairs, b);
            replicates[b - 1] = SizeScaling.allFinite(y) ? LeastSquares.generalized(ones, y, cov).params()[0] : Double.NaN;
        }
        String why = "";
        if (pValue < DRIFT_P_VALUE) {
            // scatter beyond the error bars: widen the error by √(χ²/dof) around the estimate
            double scale = Math.sqrt(constant.chi2() / (p - 1));
            for (int b = 0; b < resamples; b++) {
                replicates[b] = constant.params()[0] + scale * (replicates[b] - constant.params()[0]);
            }
            why = String.format(Locale.ROOT, "; error scaled by sqrt(chi2/dof)=%.3g: %s", scale, p < DRIFT_PAIRS
                    ? "drift visible but too few pairs to fit it, add sizes"
                    : "scatter without a drift that fits better");
        }
        return new ResampledEstimate(constant.params()[0], replicates, sizes, String.format(Locale.ROOT,
                "pair crossings averaged; chi2/dof=%s (dof %d, p=%.2g)%s",
                perDof(constant.chi2(), p - 1), p - 1, pValue, why));
    }

    static String perDof(double chi2, int dof) {
        return dof > 0 ? String.format(Locale.ROOT, "%.3g", chi2 / dof) : "n/a";
    }

    private static void addOnce(List<Integer> list, int v) {
        if (!list.contains(v)) {
            list.add(v);
        }
    }

    private static double[] column(List<double[]> pairs, int b) {
        return pairs.stream().mapToDouble(x -> x[b]).toArray();
    }

    private static boolean positiveDefinite(double[][] cov) {
        try {
            new CholeskyDecomposition(MatrixUtils.createRealMatrix(cov));
            return true;
        } catch (NonPositiveDefiniteMatrixException | NonSymmetricMatrixException e) {
            return false;
        }
    }

    /** Bootstrap covariance of the pair crossings over the resamples where all of them exist. */
    private static double[][] covariance(List<double[]> pairs) {
        int p = pairs.size();
        int resamples = pairs.get(0).length - 1;
        double[] mean = new double[p];
        int n = 0;
        for (int b = 1; b <= resamples; b++) {
            double[] y = column(pairs, b);
            if (SizeScaling.allFinite(y)) {
                n++;
                for (int k = 0; k < p; k++) {
                    mean[k] += y[k];
                }
            }
        }
        for (int k = 0; k < p; k++) {
            mean[k] /= n;
        }
        double[][] cov = new double[p][p];
        for (int b = 1; b <= resamples; b++) {
            double[] y = column(pairs, b);
            if (SizeScaling.allFinite(y)) {
                for (int i = 0; i < p; i++) {
                    for (int j = 0; j < p; j++) {
                        cov[i][j] += (y[i] - mean[i]) * (y[j] - mean[j]) / (n - 1);
                    }
                }
            }
        }
        return cov;
    }
}
