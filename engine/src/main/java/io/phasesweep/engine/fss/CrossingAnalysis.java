package io.phasesweep.engine.fss;

import io.phasesweep.engine.stats.LeastSquares;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.NonSymmetricMatrixException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The critical value from the crossings of consecutive sizes (L_k, L_{k+1}) of a dimensionless
 * observable such as the Binder cumulant, computed on three variants.
 *
 * <p>Each pair crossing x*(L_k, L_{k+1}) drifts as x_c + a·L_k^(−e), L_k the smaller size of the pair
 * and e = 1/ν + ω for a Binder-like observable; with ω given, L_k is moved by the factor its size
 * ratio puts on the drift ({@link #pairSize}).
 * <ul>
 *   <li>{@code constant}: the pair crossings combined as a constant by generalised least squares
 *       with their bootstrap covariance (adjacent pairs share a size, so they are correlated), read
 *       at one point common to all pairs ({@link #readAtOnePoint});</li>
 *   <li>{@code constant_drop_smallest}: the same without the smallest pair, a check for drift the
 *       constant's χ² cannot see;</li>
 *   <li>{@code drift}: x_c + a·L^(−e) by generalised least squares with the same covariance ({@link ShiftFit#correlated}): with ω given
 *       in the sweep file and three pairs or more, e = 1/ν + ω, 1/ν from the slopes of the curves at
 *       the constant's x_c; else e fitted with {@link #DRIFT_PAIRS} pairs or more (three parameters
 *       need a fourth pair, or the fit is exactly determined and e runs to a bound).</li>
 * </ul>
 * With ω given the drift at known e is the main estimate whenever its fit passes (the corrections
 * are known to be there, and a constant that passes its χ² only hides them in the noise), checked
 * by the same drift without the smallest pair (not by the constant, which the drift biases).
 * Otherwise the main estimate is the constant when its χ² accepts it (p ≥ {@link #DRIFT_P_VALUE}); else the
 * drift when it explains the rejection (its χ² below the constant's by more than the 95 % point of
 * χ² with the parameters it adds, and e not at a bound); else the constant, its error scaled by
 * √(χ²/dof) as the Particle Data Group does for inconsistent measurements, flagged
 * {@link Flag#DRIFT_UNRESOLVED}. One pair gives its crossing, unextrapolated and flagged
 * {@link Flag#TOO_FEW_SIZES}. Every variant is rerun on every resample with the model chosen on the
 * full data.
 */
final class CrossingAnalysis {
    static final double DRIFT_P_VALUE = 0.05;
    static final int DRIFT_PAIRS = 4;
    /** 95 % points of χ² with 2 and 1 degrees of freedom: what a free or a fixed-exponent drift adds. */
    static final double DRIFT_IMPROVEMENT = 5.991;
    static final double FIXED_DRIFT_IMPROVEMENT = 3.841;

    private CrossingAnalysis() {
    }

    /**
     * @param omega the correction-to-scaling exponent from the sweep file, or null
     */
    static Variants run(ResampledCurves all, int obs, Double omega, List<String> notes) {
        List<String> unresolved = new ArrayList<>();
        int[] resolved = resolvedSizes(all, obs, unresolved);
        ResampledCurves c = all;
        String coarse = null;
        if (resolved[1] - resolved[0] < all.sizeCount()) {
            coarse = String.join("; ", unresolved);
            if (resolved[1] - resolved[0] >= 3) {
                c = all.sizes(resolved[0], resolved[1]);
                notes.add("crossing: left out " + sizesLeftOut(all, resolved) + ": " + coarse);
                coarse = null;
            }
        }
        Variants v = crossings(c, obs, omega, notes);
        String gap = missingPair(c, obs);
        if (gap != null) {
            v = v.flagged(Flag.DRIFT_UNRESOLVED, gap);
        }
        String few = fewReplicas(c, obs);
        if (few != null) {
            v = v.flagged(Flag.FEW_REPLICAS, few);
        }
        if (coarse != null) {
            v = v.flagged(Flag.UNDER_RESOLVED, "under-resolved: " + coarse);
        }
        double xc = v.main().estimate().value();
        String thin = Double.isFinite(xc) ? GridResolution.unresolved(c, obs, 0, xc) : null;
        return thin == null ? v : v.flagged(Flag.UNDER_RESOLVED, thin);
    }

    /**
     * The sizes the crossings may use, as indices [from, to): all, unless some pair of consecutive
     * sizes crosses where one of them cannot be read ({@link Crossing#unreadable}); then the sizes
     * below that pair's larger one, the reason added to {@code reasons}. A refined sweep reaches its
     * largest sizes' windows last: in issue 14's benchmark L = 96 kept its coarse grid (2.15, 2.30)
     * through round 3, and its linear interpolation across that step put the pair 64–96 at 2.147 ±
     * 0.001, which made the pairs' χ²/dof 2000 and left no best row for four rounds, while the pairs
     * of L = 16–64 crossed at 2.266–2.271. The smallest size used that cannot be read where it crosses
     * the next is left out instead, and the pairs above it are judged in turn: the sizes that pin x_c
     * are the large ones, and a refined percolation sweep kept L = 16 on its first grid (steps of
     * 0.05 for a transition 0.061 wide) while L = 32–256 were read on fine windows; with L = 16
     * ending the sizes, three of four seeds had no best p_c.
     */
    private static int[] resolvedSizes(ResampledCurves c, int obs, List<String> reasons) {
        int from = 0;
        for (int s = 0; s + 1 < c.sizeCount(); s++) {
            double x = Crossing.of(c.curve(0, s, obs), c.curve(0, s + 1, obs));
            if (Double.isNaN(x)) {
                continue;
            }
            for (int t : new int[]{s, s + 1}) {
                String why = Crossing.unreadable(c.curve(0, t, obs), x);
                if (why != null) {
                    reasons.add(String.format(Locale.ROOT, "the curve of L=%d cannot be read where it crosses L=%d, %.6g: %s",
                            c.size(t), c.size(t == s ? s + 1 : s), x, why));
                    if (t != from) {
                        return new int[]{from, s + 1};
                    }
                    from = s + 1;
                    break;
                }
            }
        }
        return new int[]{from, c.sizeCount()};
    }

    /** The sizes outside [from, to), listed. */
    private static String sizesLeftOut(ResampledCurves c, int[] range) {
        List<String> out = new ArrayList<>();
        for (int s = 0; s < c.sizeCount(); s++) {
            if (s < range[0] || s >= range[1]) {
                out.add("L=" + c.size(s));
            }
        }
        return String.join(", ", out);
    }

    /**
     * Why the crossing's error rests on too few replicas, or null: at some pair crossing of the full
     * data, half or more of the points one size's local cubic reads ({@link Crossing#readPoints}) have
     * fewer than {@link Crossing#FEW_REPLICAS} replicas (the cubic's value leans on its central points, so a
     * few well-measured points at the stencil's ends do not make its error trustworthy).
     */
    private static String fewReplicas(ResampledCurves c, int obs) {
        for (int s = 0; s + 1 < c.sizeCount(); s++) {
            double x = Crossing.of(c.curve(0, s, obs), c.curve(0, s + 1, obs));
            if (Double.isNaN(x)) {
                continue;
            }
            for (int t : new int[]{s, s + 1}) {
                Curve curve = c.curve(0, t, obs);
                if (curve.exact()) {
                    continue;
                }
                int[] read = Crossing.readPoints(curve, x);
                long few = Arrays.stream(read).filter(i -> curve.replicas()[i] < Crossing.FEW_REPLICAS).count();
                if (2 * few >= read.length) {
                    return String.format(Locale.ROOT, "few replicas: %d of the %d points L=%d's cubic reads where it crosses L=%d, %.6g,"
                            + " have fewer than %d replicas (their errors are too uncertain for the error bar)",
                            few, read.length, c.size(t), c.size(t == s ? s + 1 : s), x, Crossing.FEW_REPLICAS);
                }
            }
        }
        return null;
    }

    private static Variants crossings(ResampledCurves c, int obs, Double omega, List<String> notes) {
        int resamples = c.resamples();
        List<double[]> pairs = new ArrayList<>();
        List<Integer> lower = new ArrayList<>();
        List<Integer> smaller = new ArrayList<>();
        List<Integer> larger = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int s = 0; s + 1 < c.sizeCount(); s++) {
            double[] x = new double[resamples + 1];
            x[0] = Crossing.of(c.curve(0, s, obs), c.curve(0, s + 1, obs));
            if (Double.isNaN(x[0])) {
                notes.add("no crossing between sizes " + c.size(s) + " and " + c.size(s + 1) + " in their common range");
                continue;
            }
            // a probability's curve near its crossing is an empirical step function of few
            // replicas' 0/1 events, whose cubics have a step's slope, steep: each resample's
            // crossing moved too little (the perceptron's refinement: best alpha_c's rms pull 1.27
            // with it, 1.14 with the smooth slope). A smooth curve's local slope is the cubics'
            // (the smooth slope's, flatter, made a Binder crossing's errors 1.4 times too large:
            // RefinedGridTest's rms pull 0.71)
            double slope = c.probability(obs)
                    ? Crossing.smoothSlopeOfDifference(c.curve(0, s, obs), c.curve(0, s + 1, obs), x[0])
                    : Crossing.slopeOfDifference(c.curve(0, s, obs), c.curve(0, s + 1, obs), x[0]);
            for (int b = 1; b <= resamples; b++) {
                x[b] = Crossing.resampled(c.curve(b, s, obs), c.curve(b, s + 1, obs), x[0], slope);
            }
            pairs.add(x);
            lower.add(s);
            smaller.add(c.size(s));
            larger.add(c.size(s + 1));
            addOnce(sizes, c.size(s));
            addOnce(sizes, c.size(s + 1));
        }
        int p = pairs.size();
        if (p == 0) {
            return Variants.of("constant", ResampledEstimate.failed(sizes, Flag.NOT_FOUND, "no pair of sizes crosses",
                    resamples));
        }
        if (p == 1) {
            double[] replicates = Arrays.copyOfRange(pairs.get(0), 1, resamples + 1);
            return Variants.of("one_pair", new ResampledEstimate(pairs.get(0)[0], replicates, sizes,
                    Checks.failed(Flag.TOO_FEW_SIZES, "one pair of sizes: crossing not extrapolated in L, drift not checked"))
                    .judged());
        }
        double[][] cov = covariance(readAtOnePoint(c, obs, lower, pairs));
        for (int k = 0; k < p; k++) {
            // below 1e-10 relative, a spread is rounding, not statistics
            double floor = 1e-10 * Math.max(1.0, Math.abs(pairs.get(k)[0]));
            if (!(cov[k][k] > floor * floor)) {
                return Variants.of("constant", ResampledEstimate.failed(sizes, Flag.NO_ERROR, "pair crossings do not vary"
                        + " over resamples (identical replicas?): no error bar to weight or judge them with", resamples));
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
        ResampledEstimate constant = constant(pairs, cov, 0, sizes);
        ResampledEstimate constantDrop = constant(pairs, cov, 1, sizes.subList(1, sizes.size()));
        double[] l = smaller.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] u = larger.stream().mapToDouble(Integer::doubleValue).toArray();
        double[] fixedExponent = p >= 3 && omega != null ? fixedExponents(c, obs, omega, constant.value()) : null;
        ResampledEstimate drift = p >= DRIFT_PAIRS || fixedExponent != null
                ? drift(pairs, l, u, cov, fixedExponent, omega, sizes) : null;

        double chi2 = constant.checks().chi2Dof() * (p - 1);
        double pValue = Checks.pValue(chi2, p - 1);
        if (fixedExponent != null && drift.checks().passes()) {
            // ω is known, so the drift is known to be there: extrapolate it, and check it by the same
            // drift without the smallest pair (two pairs fix it exactly: still a value to compare
            // with). Not by the constant, which a drift biases by construction: its disagreement
            // entered the error as systematic in 47 % of RefinedGridTest's trials with corrections,
            // while the drift's statistical error alone covered the truth as often as it should
            Variants v = Variants.of("drift", drift);
            return p - 1 >= driftParameters(fixedExponent) ? v.plus("drift_drop_smallest", drift(pairs.subList(1, p),
                    Arrays.copyOfRange(l, 1, p), Arrays.copyOfRange(u, 1, p), withoutFirst(cov), fixedExponent, omega,
                    sizes.subList(1, sizes.size()))) : v;
        }
        if (pValue >= DRIFT_P_VALUE) {
            Variants v = Variants.of("constant", constant).plus("constant_drop_smallest", constantDrop);
            return drift == null ? v : v.plus("drift", drift);
        }
        if (drift != null && drift.checks().passes()) {
            double constantChi2 = chi2;
            double driftChi2 = drift.checks().chi2Dof() == null ? 0 : drift.checks().chi2Dof() * (p - driftParameters(fixedExponent));
            double needed = fixedExponent == null ? DRIFT_IMPROVEMENT : FIXED_DRIFT_IMPROVEMENT;
            if (constantChi2 - driftChi2 > needed) {
                Variants v = Variants.of("drift", drift).plus("constant", constant);
                if (p - 1 >= driftParameters(fixedExponent)) {
                    v = v.plus("drift_drop_smallest", drift(pairs.subList(1, p), Arrays.copyOfRange(l, 1, p),
                            Arrays.copyOfRange(u, 1, p), withoutFirst(cov), fixedExponent, omega,
                            sizes.subList(1, sizes.size())));
                }
                return v;
            }
        }
        // scatter beyond the error bars: widen the error by √(χ²/dof) around the estimate
        double scale = Math.sqrt(chi2 / (p - 1));
        ResampledEstimate widened = constant.widened(scale).with(constant.checks().with(Flag.DRIFT_UNRESOLVED)
                .withNote(String.format(Locale.ROOT, "error scaled by sqrt(chi2/dof)=%.3g: %s", scale,
                        drift == null ? "drift visible but too few pairs to fit it (add sizes, or give omega)"
                                : "scatter without a drift that fits better")));
        Variants v = Variants.of("constant", widened).plus("constant_drop_smallest", constantDrop);
        return drift == null ? v : v.plus("drift", drift);
    }

    /**
     * Each pair's resamples read at one point common to all pairs, the median of the full data's
     * pair crossings: one Newton step from there ({@link Crossing#resampled}) with the pair's slope
     * there, from quadratics over a window common to both curves
     * ({@link Crossing#smoothSlopeOfDifference}: the cubics' slope shares the noise that placed the
     * crossing). Their covariance weighs and judges the pairs (the constant's χ², the drift's weights);
     * the estimates' errors still come from the resamples of each pair's own crossing. Read at its
     * own crossing, a pair's error is the difference's noise there over the slope there, both from
     * the cubics that placed the crossing, and off the centre of their stencil a cubic's value and
     * slope share their noise: over 32 seeds of sweeps/ising2d-quick.yaml the pair crossings
     * correlated +0.26 to +0.62 with their weights 1/σ², the pairs that came out high weighed more,
     * and best T_c, the drift x_c + a·L^(−2.75), came out 0.00147 ± 0.00039 high over 34 seeds (mean
     * pull +0.49); read at the median, −0.00002 ± 0.00041 over 36 (mean pull +0.06, rms 0.92;
     * docs/analysis.md, calibration on real data). A pair whose crossing is farther from the
     * common point than the wider curve's transition width, or whose slope there has not the sign
     * of its crossing, is read at its own crossing: its error elsewhere is not its error.
     */
    private static List<double[]> readAtOnePoint(ResampledCurves c, int obs, List<Integer> lower, List<double[]> pairs) {
        double at = median(column(pairs, 0));
        List<double[]> read = new ArrayList<>();
        for (int k = 0; k < pairs.size(); k++) {
            int s = lower.get(k);
            Curve a = c.curve(0, s, obs);
            Curve b = c.curve(0, s + 1, obs);
            double own = pairs.get(k)[0];
            double slope = Crossing.smoothSlopeOfDifference(a, b, at);
            double reach = Math.max(a.width(), b.width());
            boolean inside = at >= Math.max(a.x()[0], b.x()[0]) && at <= Math.min(a.x()[a.x().length - 1], b.x()[b.x().length - 1]);
            if (!inside || !(Math.abs(at - own) <= reach)
                    || !(slope * Crossing.slopeOfDifference(a, b, own) > 0)) {
                read.add(pairs.get(k));
                continue;
            }
            double[] x = new double[pairs.get(k).length];
            x[0] = at;
            for (int r = 1; r < x.length; r++) {
                x[r] = Crossing.resampled(c.curve(r, s, obs), c.curve(r, s + 1, obs), at, slope);
            }
            read.add(x);
        }
        return read;
    }

    private static double median(double[] v) {
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    }

    /**
     * The first pair of consecutive sizes that does not cross in its common range although a pair of
     * smaller sizes does, as a note; null when there is none. Such a pair says the curves do not
     * share a crossing where the others put it, and leaving it out averages the pairs that agree:
     * on a refined perceptron sweep N = 100 lay above N = 50 up to α = 2.05, by 2σ at 1.9 and 2.0,
     * while the pairs 25–50 and 100–200 crossed at 1.86 and 1.89, and best quoted their mean,
     * 1.86 ± 0.04, with α_c = 2. A pair missing below every crossing pair is left out as a size cut
     * is: corrections to scaling are largest at the smallest sizes.
     */
    private static String missingPair(ResampledCurves c, int obs) {
        boolean crossed = false;
        for (int s = 0; s + 1 < c.sizeCount(); s++) {
            boolean crosses = !Double.isNaN(Crossing.of(c.curve(0, s, obs), c.curve(0, s + 1, obs)));
            if (crossed && !crosses) {
                return "sizes " + c.size(s) + " and " + c.size(s + 1) + " do not cross in their common range, while smaller"
                        + " sizes cross: the pair crossings are no sequence to combine";
            }
            crossed |= crosses;
        }
        return null;
    }

    private static int driftParameters(double[] fixedExponent) {
        return fixedExponent == null ? 3 : 2;
    }

    /** The pair crossings from pair index {@code from} on, combined as a constant. */
    private static ResampledEstimate constant(List<double[]> pairs, double[][] cov, int from, List<Integer> sizes) {
        int p = pairs.size() - from;
        List<double[]> used = pairs.subList(from, pairs.size());
        double[][] sub = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                sub[i][j] = cov[from + i][from + j];
            }
        }
        double[][] ones = ones(p);
        LeastSquares.Fit full = LeastSquares.generalized(ones, column(used, 0), sub);
        int resamples = pairs.get(0).length - 1;
        double[] replicates = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            double[] y = column(used, b);
            replicates[b - 1] = PowerLaw.allFinite(y) ? LeastSquares.generalized(ones, y, sub).params()[0] : Double.NaN;
        }
        return new ResampledEstimate(full.params()[0], replicates, sizes,
                Checks.fit(full.chi2(), p - 1, "pair crossings averaged")).judged();
    }

    /**
     * x_c + a·L^(−e), e fitted (null given) or fixed: exponent[b] on resample b (0 the full data), so
     * that a fixed exponent's own uncertainty is in the error. With e fixed (ω given) each pair sits at
     * its {@link #pairSize}, which knows the pair's size ratio; with e fitted at its smaller size.
     */
    /** The covariance without the first pair. */
    private static double[][] withoutFirst(double[][] cov) {
        int p = cov.length - 1;
        double[][] sub = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(cov[i + 1], 1, sub[i], 0, p);
        }
        return sub;
    }

    /**
     * @param cov the pairs' bootstrap covariance, as the constant's: adjacent pairs share a size and
     *            are anticorrelated ({@link ShiftFit#correlated}); fitted with their variances alone,
     *            with ω given the crossing failed its checks in 17 of 400 of CrossingAnalysisTest's
     *            binder-like trials (8 with the covariance), and ended poor_fit in 7 of 96 whole
     *            refinements in the 2D Ising world, whose true pair crossings the drift fits to
     *            2·10⁻⁵ (docs/refine.md)
     */
    private static ResampledEstimate drift(List<double[]> pairs, double[] lower, double[] upper, double[][] cov, double[] exponent,
                                           Double omega, List<Integer> sizes) {
        int p = pairs.size();
        int resamples = pairs.get(0).length - 1;
        boolean free = exponent == null;
        ShiftFit full = free ? ShiftFit.correlated(lower, column(pairs, 0), cov)
                : ShiftFit.fixedCorrelated(pairSizes(lower, upper, omega, exponent[0]), column(pairs, 0), cov, exponent[0]);
        double[] replicates = new double[resamples];
        for (int b = 1; b <= resamples; b++) {
            double[] y = column(pairs, b);
            replicates[b - 1] = !PowerLaw.allFinite(y) || !free && !Double.isFinite(exponent[b]) ? Double.NaN
                    : free ? ShiftFit.correlated(lower, y, cov).xc()
                    : ShiftFit.fixedCorrelated(pairSizes(lower, upper, omega, exponent[b]), y, cov, exponent[b]).xc();
        }
        Checks checks = Checks.fit(full.chi2(), full.dof(), String.format(Locale.ROOT,
                "drift x_c + a*L^-e of %d pair crossings, e=%.3g %s", p, full.exponent(),
                free ? "fitted" : "= 1/nu (slopes) + omega (given), each pair at its size ratio's L"));
        if (free && !full.inside()) {
            checks = checks.with(Flag.EXPONENT_AT_BOUND);
        }
        return new ResampledEstimate(full.xc(), replicates, sizes, checks).judged();
    }

    private static double[] pairSizes(double[] lower, double[] upper, double omega, double e) {
        double[] l = new double[lower.length];
        for (int k = 0; k < l.length; k++) {
            l[k] = pairSize(lower[k], upper[k], omega, e - omega);
        }
        return l;
    }

    /**
     * The size L' at which the drift a·L'^(−e), e = 1/ν + ω, gives the crossing of sizes L and bL to
     * leading order. With U_L(t) = f(t·L^(1/ν)) + L^(−ω)·g(t·L^(1/ν)), the crossing of L and bL lies at
     * t* = (g(0)/f'(0))·L^(−e)·(1 − b^(−ω))/(b^(1/ν) − 1): L' = L·[(1 − b^(−ω))/(b^(1/ν) − 1)]^(−1/e).
     * On a ladder of one ratio the factor is common to all pairs and the amplitude absorbs it; on
     * 8, 12, 16, 24, 32, 48 (ratios 3/2 and 4/3 in turn, ω = 7/4, ν = 1) it is 1.016 and 1.187, and
     * written as a·L^(−e) the 4/3 pairs sit 17 % below the 3/2 pairs' line. On synthetic data where
     * the leading order holds (CrossingAnalysisTest) the drift's mean pull went from −0.36 to +0.07;
     * on 16 seeds of sweeps/ising2d-refine.yaml best T_c moved up by 0.00005 on average, a twelfth
     * of its error bar (docs/refine.md).
     */
    static double pairSize(double lower, double upper, double omega, double inverseNu) {
        double b = upper / lower;
        double factor = (1 - Math.pow(b, -omega)) / (Math.pow(b, inverseNu) - 1);
        return lower * Math.pow(factor, -1 / (omega + inverseNu));
    }

    /**
     * The drift exponent 1/ν + ω with ω given, 1/ν from the slopes at x on the full data and on
     * every resample; null when the full data's slopes give none. Held at the full data's value on
     * every resample, the exponent's own error was in no error bar: on RefinedGridTest's grid with
     * corrections, 1/ν from the slopes of single trials ranged over 0.3–4 (truth 1), and the drift's
     * x_c fell outside 2 stderr in 9 % of trials.
     */
    private static double[] fixedExponents(ResampledCurves c, int obs, double omega, double x) {
        double[] e = new double[c.resamples() + 1];
        for (int b = 0; b <= c.resamples(); b++) {
            e[b] = omega + inverseNuFromSlopes(c, obs, x, b);
        }
        return Double.isFinite(e[0]) ? e : null;
    }

    /**
     * 1/ν from the slopes of the curves at x on resample b (0 the full data): |dy/dx| ∝ L^(1/ν)
     * fitted through all sizes, each slope from the local cubic a crossing reads there
     * ({@link LocalPolynomial#fitted}); NaN when x is outside a size's range.
     */
    static double inverseNuFromSlopes(ResampledCurves c, int obs, double x, int b) {
        int n = c.sizeCount();
        double[][] design = new double[n][];
        double[] logSlope = new double[n];
        double[] unit = new double[n];
        for (int s = 0; s < n; s++) {
            double[] xs = c.x(s);
            if (!(x >= xs[0] && x <= xs[xs.length - 1])) {
                return Double.NaN;
            }
            Curve curve = c.curve(b, s, obs);
            logSlope[s] = Math.log(Math.abs(LocalPolynomial.fitted(curve, x).slope(x)));
            design[s] = new double[]{1.0, Math.log(c.size(s))};
            unit[s] = 1.0;
        }
        double v = LeastSquares.weighted(design, logSlope, unit).params()[1];
        return v > 0 ? v : Double.NaN;
    }

    private static double[][] ones(int p) {
        double[][] ones = new double[p][];
        for (int k = 0; k < p; k++) {
            ones[k] = new double[]{1.0};
        }
        return ones;
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
            if (PowerLaw.allFinite(y)) {
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
            if (PowerLaw.allFinite(y)) {
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
