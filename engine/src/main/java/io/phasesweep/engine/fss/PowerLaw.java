package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.Bootstrap;
import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;

import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Power laws against size from per-size quantities q(L) measured on every resample (the height of
 * a peak, an observable or its slope at x_c, a location), q[b][s] for resample b (0 = full data)
 * and size index s. Each size is weighted by the bootstrap error of its q.
 *
 * <ul>
 *   <li>{@link #plain}: log|q| = c + p·log L by weighted least squares, from a given size on;</li>
 *   <li>{@link #corrected}: |q| = A·L^p·(1 + B·L^(−ω)), with ω given (from the sweep file) or
 *       fitted. At fixed (p, ω) it is linear in (A, A·B), so χ² is minimised over p (and ω) alone
 *       by a scan and Brent's method.</li>
 * </ul>
 * {@link #variants} picks the main fit and its checks: with ω given and four sizes or more, the
 * corrected fit; otherwise the plain fit on the sizes from the first that leaves a fit passing its
 * χ² (a leading-size cut, at least three sizes), else, with five sizes or more, the corrected fit
 * with ω fitted. The checks are the same fit without the next smallest size and, for a plain main
 * fit, the corrected form (a plain fit is no check of a corrected one: the correction is there). A
 * plain main fit on fewer than {@link #MIN_SIZES} sizes is flagged {@link Flag#TOO_FEW_SIZES}.
 * Public for the refinement planner's model of an exponent's variance, which fits as this does.
 */
public final class PowerLaw {
    static final double MIN_OMEGA = 0.25;
    static final double MAX_OMEGA = 4.0;
    /**
     * A plain fit needs this many sizes to be checked: with three, a correction as large as the 2D
     * Ising χ' peak's at L = 16–32 (effective γ/ν 1.79 against 1.75) passes its χ² and its
     * drop-smallest repeat alike. (Also the fewest sizes the corrected fit is made from.)
     */
    public static final int MIN_SIZES = 4;
    /** The {@code omega_source} of an ω from the sweep file, and of one fitted with the power. */
    static final String GIVEN = "given";
    static final String FITTED = "fitted";
    /** The power is searched within this distance of the plain fit's. */
    private static final double POWER_RANGE = 3.0;

    private PowerLaw() {
    }

    static Variants variants(int[] sizes, double[][] q, Double omega) {
        return variants(sizes, q, omega, GIVEN);
    }

    /**
     * The same with ω from {@code omegaSource} (the {@code omega_source} of the corrected rows):
     * {@link #GIVEN}, or another word for an ω the caller chose, such as the peak's
     * {@link PeakMethod#PEAK_SHIFT}.
     */
    static Variants variants(int[] sizes, double[][] q, Double omega, String omegaSource) {
        int n = sizes.length;
        Variants v;
        int cut;
        if (omega != null && n >= 4) {
            v = Variants.of("corrected", corrected(sizes, q, 0, omega, omegaSource));
            cut = -1;
        } else {
            cut = 0;
            while (cut + 3 < n && !plain(sizes, q, cut).checks().passes()) {
                cut++;
            }
            ResampledEstimate plainFit = plain(sizes, q, cut);
            if (!plainFit.checks().passes() && omega == null && n >= 5) {
                ResampledEstimate fitted = corrected(sizes, q, 0, null, omegaSource);
                if (fitted.checks().passes()) {
                    v = Variants.of("corrected", fitted);
                    cut = -1;
                } else {
                    v = Variants.of(cutName(0), plain(sizes, q, 0));
                    cut = 0;
                }
            } else {
                v = Variants.of(cutName(cut), n - cut < MIN_SIZES ? plainFit.with(plainFit.checks().with(Flag.TOO_FEW_SIZES)
                        .withNote("fewer than " + MIN_SIZES + " sizes cannot show a correction to scaling: the fit has one"
                                + " degree of freedom, its check without the smallest size none")) : plainFit);
            }
        }
        if (cut >= 0) {
            if (n - cut - 1 >= 2) {
                v = v.plus(cutName(cut + 1), plain(sizes, q, cut + 1));
            }
            if (omega != null && n - cut >= 4) {
                v = v.plus("corrected", corrected(sizes, q, cut, omega, omegaSource));
            }
        } else if (n - 1 >= (omega == null ? 4 : 3)) {
            // the plain fits are known to be biased here, so they are no check of the corrected one
            v = v.plus("corrected_" + cutName(1), corrected(sizes, q, 1, omega, omegaSource));
        }
        return v;
    }

    /** all_sizes, drop_smallest, drop_2_smallest, ... */
    static String cutName(int cut) {
        return cut == 0 ? "all_sizes" : cut == 1 ? "drop_smallest" : "drop_" + cut + "_smallest";
    }

    /** Fits q ∝ L^p using the sizes from index {@code from} on. */
    static ResampledEstimate plain(int[] sizes, double[][] q, int from) {
        int n = sizes.length - from;
        List<Integer> used = IntStream.of(sizes).skip(from).boxed().toList();
        int resamples = q.length - 1;
        if (n < 2) {
            return ResampledEstimate.failed(used, Flag.TOO_FEW_SIZES, "a power law needs at least two sizes", resamples);
        }
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
                return ResampledEstimate.failed(used, Flag.NOT_FOUND, "no usable value or error at size " + sizes[from + k],
                        resamples);
            }
        }
        LeastSquares.Fit full = LeastSquares.weighted(design, logQ[0], sigma);
        double[] replicates = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            replicates[b - 1] = allFinite(logQ[b])
                    ? LeastSquares.weighted(design, logQ[b], sigma).params()[1] : Double.NaN;
        }
        return new ResampledEstimate(full.params()[1], replicates, used,
                Checks.fit(full.chi2(), full.dof(), "power law q ~ L^p")).judged();
    }

    /**
     * Fits |q| = A·L^p·(1 + B·L^(−ω)) on the sizes from index {@code from} on; ω fitted in
     * [{@link #MIN_OMEGA}, {@link #MAX_OMEGA}] when {@code omega} is null (then five sizes at least).
     * {@code omegaSource} names where a non-null ω came from.
     */
    static ResampledEstimate corrected(int[] sizes, double[][] q, int from, Double omega, String omegaSource) {
        int n = sizes.length - from;
        List<Integer> used = IntStream.of(sizes).skip(from).boxed().toList();
        int resamples = q.length - 1;
        int params = omega == null ? 4 : 3;
        if (n < params) {
            return ResampledEstimate.failed(used, Flag.TOO_FEW_SIZES, "a corrected power law needs at least " + params
                    + " sizes", resamples);
        }
        double[] l = new double[n];
        double[] sigma = new double[n];
        double[][] y = new double[q.length][n];
        for (int k = 0; k < n; k++) {
            l[k] = (double) sizes[from + k] / sizes[from];
            for (int b = 0; b < q.length; b++) {
                y[b][k] = Math.abs(q[b][from + k]);
            }
            sigma[k] = spread(y, k);
            if (!(sigma[k] > 0) || !Double.isFinite(y[0][k])) {
                return ResampledEstimate.failed(used, Flag.NOT_FOUND, "no usable value or error at size " + sizes[from + k],
                        resamples);
            }
        }
        double start = plain(sizes, q, from).value();
        if (!Double.isFinite(start)) {
            return ResampledEstimate.failed(used, Flag.NOT_FOUND, "no power-law start for the corrected fit", resamples);
        }
        double[] full = omega == null ? bestOmega(l, y[0], sigma, start) : new double[]{omega, bestPower(l, y[0], sigma, omega, start)};
        double[] replicates = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            if (allFinite(y[b])) {
                double[] wp = omega == null ? bestOmega(l, y[b], sigma, full[1])
                        : new double[]{omega, bestPower(l, y[b], sigma, omega, full[1])};
                replicates[b - 1] = Double.isFinite(correctionChi2(l, y[b], sigma, wp[1], wp[0])) ? wp[1] : Double.NaN;
            } else {
                replicates[b - 1] = Double.NaN;
            }
        }
        double chi2 = correctionChi2(l, y[0], sigma, full[1], full[0]);
        if (!Double.isFinite(chi2)) {
            return ResampledEstimate.failed(used, Flag.NOT_FOUND, "no corrected fit with |B| <= 1 at the smallest size",
                    resamples);
        }
        String source = omega == null ? FITTED : omegaSource;
        Checks c = Checks.fit(chi2, n - params, String.format(Locale.ROOT, "q = A*L^p*(1 + B*L^-w), w=%.3g %s",
                full[0], source)).withOmega(full[0], source);
        if (omega == null && (full[0] < MIN_OMEGA * 1.01 || full[0] > MAX_OMEGA / 1.01)) {
            c = c.with(Flag.EXPONENT_AT_BOUND);
        }
        return new ResampledEstimate(full[1], replicates, used, c).judged();
    }

    /** {ω, p} minimising χ² over ω, each ω with its best p. */
    private static double[] bestOmega(double[] l, double[] y, double[] sigma, double startPower) {
        DoubleUnaryOperator chi2 = w -> correctionChi2(l, y, sigma, bestPower(l, y, sigma, w, startPower), w);
        double w = minimise(chi2, MIN_OMEGA, MAX_OMEGA, true);
        return new double[]{w, bestPower(l, y, sigma, w, startPower)};
    }

    private static double bestPower(double[] l, double[] y, double[] sigma, double omega, double start) {
        return minimise(p -> correctionChi2(l, y, sigma, p, omega), start - POWER_RANGE, start + POWER_RANGE, false);
    }

    /**
     * χ² of the corrected form, +∞ where the correction outweighs the leading term at the smallest
     * size (|B| > 1): there two large terms of opposite sign mimic the data with any power (2D Ising
     * chi peaks at L = 8–32 with ω = 1.75 gave γ/ν = 3.5 so), and the form is no longer a correction.
     */
    private static double correctionChi2(double[] l, double[] y, double[] sigma, double p, double omega) {
        LeastSquares.Fit f = fit(l, y, sigma, p, omega);
        return Math.abs(f.params()[1]) > Math.abs(f.params()[0]) ? Double.POSITIVE_INFINITY : f.chi2();
    }

    /** A scan of 24 points (geometric when {@code log}) over [lo, hi], then Brent's method around the best. */
    static double minimise(DoubleUnaryOperator f, double lo, double hi, boolean log) {
        int scan = 24;
        double best = lo;
        double bestValue = Double.POSITIVE_INFINITY;
        double step = log ? Math.pow(hi / lo, 1.0 / (scan - 1)) : (hi - lo) / (scan - 1);
        for (int i = 0; i < scan; i++) {
            // clamped: the last scan point can land an ulp beyond hi, outside Brent's search interval
            // (a refined 2D Ising sweep's slope fit failed so: "1.74 out of [1.479, 1.74] range")
            double x = Math.min(hi, log ? lo * Math.pow(step, i) : lo + i * step);
            double v = f.applyAsDouble(x);
            if (v < bestValue) {
                bestValue = v;
                best = x;
            }
        }
        double a = Math.max(lo, log ? best / step : best - step);
        double b = Math.min(hi, log ? best * step : best + step);
        UnivariatePointValuePair min = new BrentOptimizer(1e-10, 1e-12).optimize(new MaxEval(200), GoalType.MINIMIZE,
                new UnivariateObjectiveFunction(f::applyAsDouble), new SearchInterval(a, b, best));
        return min.getValue() <= bestValue ? min.getPoint() : best;
    }

    /** Weighted least squares of y = A·l^p + C·l^(p−ω), l = L/L₀ so the columns stay of order one. */
    private static LeastSquares.Fit fit(double[] l, double[] y, double[] sigma, double p, double omega) {
        double[][] design = new double[l.length][];
        for (int k = 0; k < l.length; k++) {
            double lp = Math.pow(l[k], p);
            design[k] = new double[]{lp, lp * Math.pow(l[k], -omega)};
        }
        return LeastSquares.weighted(design, y, sigma);
    }

    /** Error of column s of q over the resamples. */
    static double spread(double[][] q, int s) {
        double[] col = new double[q.length - 1];
        for (int b = 1; b < q.length; b++) {
            col[b - 1] = q[b][s];
        }
        return Bootstrap.finite(col).std();
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
