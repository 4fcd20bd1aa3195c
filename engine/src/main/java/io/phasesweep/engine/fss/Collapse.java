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
 * Data collapse y·L^(−a) = f((x − x_c)·L^(1/ν)), with a quality function S after Houdayer and
 * Hartmann (PRB 70, 014418, 2004): each scaled point is compared with a local fit of the scaled
 * points of all other sizes near it, in units of the combined error, so
 * S = (1/N) Σ (Y − Ȳ)² / (dY² + dȲ²) is about 1 when the data collapse within their errors. It
 * needs no common grid. S is minimised over (x_c, 1/ν, a) by Nelder–Mead from the best point of a
 * coarse grid (a window's collapse from the estimate the window is drawn around); a is held at 0 for
 * a dimensionless observable. Errors: the minimisation is repeated
 * on every bootstrap resample (started at the full-data minimum, point errors kept at their
 * full-data jackknife values).
 *
 * <p><b>The local fit is a quadratic, not Houdayer and Hartmann's straight line.</b> Their line
 * through the two bracketing points of each other size misses a curved f by up to f''·h²/8 between
 * grid points h apart, and by nothing at a grid point. Where the scaled points of all sizes
 * coincide (the centre x₀ of a window sweep x = x₀ + k·h·L^(−1/ν') at 1/ν = 1/ν', or a control
 * value shared by all sizes) every comparison sits on a grid point, so S sheds that bias there and
 * has a narrow minimum, whatever the data: {@code sweeps/spiked.yaml} gave λ_c = 1.0000000000, its
 * window centre, sk a grid temperature, and a start off the centre converged back to it. The
 * quadratic fitted, weighted by the errors, to the {@link #MIN_POINTS} points of each other size
 * nearest the scaled point is still exact at coinciding points, but misses f elsewhere only by
 * O(f'''·h³), so the dip sinks into the noise on any grid that resolves f. On the synthetic window
 * sweep of CollapseTest, centred 11 error bars off x_c, the line's S is 17–23 at the truth and
 * 12–21 at the centre, where its minimum sat (x_c and ν exactly the window's, on every resample);
 * the quadratic's S is about 1 at the truth, and the collapse returns the truth.
 *
 * <p>Harada's Bayesian scaling analysis (PRE 84, 056704, 2011; his BSA code) has no such bias: a
 * Gaussian process with kernel δ_ij(E_i² + θ₀²) + θ₁²·exp(−(X_i − X_j)²/2θ₂²) models all points at
 * once, its smoothness scale fitted together with x_c and ν by the marginal likelihood. It is not
 * used here because one evaluation costs O(N³) in the number of points and adds three
 * hyperparameters, while the minimisation is repeated on every bootstrap resample; and it yields a
 * likelihood, not an S whose "≈ 1 within errors" the quality flags and the √S error inflation
 * read. The local quadratic keeps S, its meaning and its cost.
 *
 * <p><b>Corrections to scaling.</b> With an ω (a {@link Variant#omega}) the data are
 * y = f(x) + L^(−ω)·g(x), g a cubic in x ({@link #CORRECTION_TERMS} coefficients) over the whole
 * scaled range. S is a quadratic form in the data (each local fit is linear in its points' values),
 * so the points' values minus L^(−ω)·g(x) are judged by the same local quadratics and g's coefficients
 * that minimise S follow by linear least squares at every trial (x_c, 1/ν): S is profiled over g
 * exactly, and its dof are the compared points less the terms the points fix. The scaling variable is then
 * (t + b·t²)·L^(1/ν), t = x − x_c, with the curvature b of the analytic scaling field searched
 * together with x_c and 1/ν: at fixed x it moves the data by b·x²·f'(x)·L^(−1/ν), a correction no
 * L^(−ω)·g(x) stands for. On the README's first sweep (L = 8–32, 12 seeds) g alone left ν at 1.017
 * on average (mean pull +0.88); with b (about −0.24) see docs/analysis.md. On
 * {@code sweeps/ising2d.yaml} b moved x_c from 2.26890 to 2.26907 (exact 2.269185) and ν from
 * 0.99937 to 0.99973. Without the correction, corrections that grow
 * in the tails of a curve, where the errors are smallest (a Binder cumulant near 2/3: errors of
 * 10⁻⁴, corrections of several of them at L = 8–32), dominate S and ν is the compromise of the tails'
 * opposite pulls: the README's first sweep over 12 seeds gave ν 1.01–1.09 at S = 8–18. A first
 * version put a locally constant correction term into each local fit instead (branch collapse,
 * f18cba7): its fits with four terms through the points of three or more sizes were free enough to
 * return a window sweep's centre exactly (CollapseTest); a global g has four coefficients in all.
 *
 * <p>A variant restricts the data: sizes below {@code fromSize} are left out (corrections to
 * scaling are largest at small L), and a {@link Window} |x − x₀|·L^(1/ν₀) ≤ w keeps the collapse to
 * the critical region; every kept size must keep {@link #MIN_POINTS} points in it, else S is +∞.
 * The window is drawn once, around a given (x₀, 1/ν₀), not at the parameters being tried: a window
 * that moves with them makes points enter and leave as they change, S jumps, and Nelder–Mead stays
 * at its start (the 2D Ising window collapse returned ν = 1.0000, its start, so).
 */
final class Collapse {

    /**
     * The three scaling parameters, each with its resample estimates (a is 0 when not fitted), and S
     * at the full-data minimum (NaN when the collapse failed).
     */
    record Result(ResampledEstimate xc, ResampledEstimate inverseNu, ResampledEstimate power, double s) {
    }

    /** The points with |x − x₀|·L^(1/ν₀) ≤ w. */
    record Window(double w, double xc, double inverseNu) {
        boolean keeps(double x, int size) {
            return Math.abs((x - xc) * Math.pow(size, inverseNu)) <= w;
        }
    }

    /**
     * Which data a collapse uses and how: sizes from {@code fromSize} on, the points in the window (all
     * when null), and the correction-to-scaling exponent ω of the correction term L^(−ω)·g(x) (none
     * when null).
     */
    record Variant(int fromSize, Window window, Double omega) {
        static final Variant ALL = new Variant(0, null, null);

        Variant(int fromSize, Window window) {
            this(fromSize, window, null);
        }

        boolean windowed() {
            return window != null;
        }

        boolean corrected() {
            return omega != null;
        }
    }

    /** Points of each other size in a local fit, and points each size must keep in a window: a quadratic's. */
    static final int MIN_POINTS = 3;

    /**
     * Coefficients of the correction's g(x), a cubic: on the 2D Ising sweep (L = 16–96) a constant,
     * linear or quadratic g left S at 1.3–1.8 and ν at 0.97–0.98, a cubic gave S = 1.00 and ν = 0.999,
     * a quartic or quintic the same (0.999, 0.999).
     */
    static final int CORRECTION_TERMS = 4;

    /**
     * Sizes a corrected collapse needs: with three, the correction's four coefficients are fixed by
     * the differences of three curves, which they can absorb together with a wrong ν.
     */
    static final int MIN_CORRECTED_SIZES = 4;

    /**
     * Below this S the collapse compares almost nothing: the S of an honest collapse of k compared
     * points is a χ²/k, below 0.01 with probability 0.0014 for k = 3, 3·10⁻⁵ for k = 5.
     */
    static final double MIN_S = 0.01;

    private static final double[] INVERSE_NU_GRID = {0.3, 0.5, 0.7, 1.0, 1.4, 2.0, 3.0};
    /** Cells of the coarse x_c grid: an even number, so no cell centre is the middle of the range. */
    private static final int START_CELLS = 10;

    private Collapse() {
    }

    /** The collapse of all points of all sizes. */
    static Result run(ResampledCurves c, int obs, boolean fitPower) {
        return run(c, obs, fitPower, 0, null);
    }

    /**
     * @param fromSize the smallest size kept (0 keeps all)
     * @param window   the points kept, or null for all points
     */
    static Result run(ResampledCurves c, int obs, boolean fitPower, int fromSize, Window window) {
        return run(c, obs, fitPower, new Variant(fromSize, window));
    }

    /** The collapse of the data the variant keeps, with the correction term when it has an ω. */
    static Result run(ResampledCurves c, int obs, boolean fitPower, Variant v) {
        Window window = v.window();
        int first = firstKept(c, v);
        List<Integer> sizes = IntStream.of(c.sizes()).skip(first).boxed().toList();
        int resamples = c.resamples();
        int least = v.corrected() ? MIN_CORRECTED_SIZES : 2;
        if (sizes.size() < least) {
            return failed(sizes, Flag.TOO_FEW_SIZES, "no " + (v.corrected() ? "corrected " : "") + "collapse: fewer than "
                    + least + " sizes from " + v.fromSize(), resamples);
        }
        double[] start = coarseStart(c, obs, fitPower, v);
        if (v.windowed()) {
            // the window is drawn around an estimate: its collapse starts there, not at the grid's best,
            // which on a few points per size can be a far, spurious minimum (a corrected window of the
            // 2D Ising seeds, 3 points per size, went from 1/nu = 2 to nu = 0.51 against 1.02 for all points)
            start[0] = window.xc();
            start[1] = window.inverseNu();
        }
        if (!Double.isFinite(quality(c, 0, obs, v, start))) {
            return failed(sizes, Flag.NOT_FOUND, "no collapse: the scaled curves of different sizes do not overlap, or points lack"
                    + " errors (one replica)" + (v.windowed() ? ", or a size keeps fewer than " + MIN_POINTS
                    + " points within |x - x_c|*L^(1/nu) <= " + window.w() : ""), resamples);
        }
        double[] full = minimise(c, 0, obs, fitPower, v, start);
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (int s = first; s < c.sizeCount(); s++) {
            low = Math.min(low, c.x(s)[0]);
            high = Math.max(high, c.x(s)[c.x(s).length - 1]);
        }
        if (!(full[0] >= low && full[0] <= high)) {
            // an x_c outside every size's grid is an extrapolation of the curves' tails, not a collapse
            return failed(sizes, Flag.NOT_FOUND, String.format(Locale.ROOT,
                    "no collapse: x_c = %.6g lies outside the sampled control range [%.6g, %.6g]", full[0], low, high), resamples);
        }
        String plateau = onPlateaus(c, obs, first, full[0]);
        if (plateau != null) {
            return failed(sizes, Flag.NOT_FOUND, plateau, resamples);
        }
        double s = quality(c, 0, obs, v, full);
        if (s < MIN_S) {
            // a χ²/dof this far below 1 is not a good collapse but hardly a comparison at all: the
            // sizes' usable points barely overlap there (a refined percolation sweep's collapse ran
            // to p_c = 0.659 at S = 1e-11, 3σ off, and entered best)
            return failed(sizes, Flag.NOT_FOUND, String.format(Locale.ROOT,
                    "no collapse: S = %.3g at x_c = %.6g, 1/nu = %.3g: the sizes' points hardly overlap there", s, full[0], full[1]),
                    resamples);
        }
        double[][] rep = new double[3][resamples];
        for (int b = 1; b <= resamples; b++) {
            double[] p = minimise(c, b, obs, fitPower, v, full);
            for (int k = 0; k < 3; k++) {
                rep[k][b - 1] = p[k];
            }
        }
        if (stuck(full[0], rep[0])) {
            return failed(sizes, Flag.NOT_FOUND, String.format(Locale.ROOT, "no collapse: x_c = %.6g in every resample, 1/nu = %.3g:"
                    + " the minimum sits on a grid value, where the scaled curves compare almost nothing", full[0], full[1]), resamples);
        }
        // b is fitted like x_c and 1/ν but has no row of its own: the note carries it
        Checks q = Checks.note(String.format(Locale.ROOT, "collapse S=%.3g%s%s%s", s,
                v.corrected() ? String.format(Locale.ROOT, ", b=%.3g", full[3]) : "",
                s > 1 ? String.format(Locale.ROOT, ", error scaled by sqrt(S)=%.3g", Math.sqrt(s)) : "",
                s > Checks.MAX_S ? " (poor collapse: corrections to scaling or a window too wide)" : "")).withS(s);
        if (s > Checks.MAX_S) {
            q = q.with(Flag.POOR_COLLAPSE);
        }
        String thin = v.windowed() ? null : GridResolution.unresolved(c, obs, first, full[0]);
        if (thin != null) {
            q = q.with(Flag.UNDER_RESOLVED).withNote(thin);
        }
        // S is a χ²/dof of the collapse: beyond 1 the points scatter more than their errors say
        double widen = Math.sqrt(Math.max(1, s));
        return new Result(new ResampledEstimate(full[0], rep[0], sizes, q).widened(widen).judged(),
                new ResampledEstimate(full[1], rep[1], sizes, q).widened(widen).judged(),
                new ResampledEstimate(full[2], rep[2], sizes, q).widened(widen).judged(), s);
    }

    /**
     * Whether x_c is the same in every resample that found one: a collapse's minimum moves with its
     * data unless it is pinned to a grid value, where a large 1/ν leaves each size hardly any point
     * near x_c to compare (a percolation world's collapse of L = 16–256 sat at p = 0.623, a grid
     * value, in all resamples with 1/ν = 21, and ν = 0.048 ± 0.015 was the best ν: only its x_c
     * row was flagged no_error).
     */
    static boolean stuck(double xc, double[] replicates) {
        boolean any = false;
        for (double r : replicates) {
            if (Double.isFinite(r)) {
                any = true;
                if (r != xc) {
                    return false;
                }
            }
        }
        return any;
    }

    /**
     * A note when x_c lies on a plateau of at least half of the kept sizes' curves (the observable
     * there within {@link #PLATEAU_SHARE} of the curve's range from its lowest or highest value),
     * else null. Flat curves collapse onto each other at any 1/ν: refined percolation sweeps'
     * collapses of L = 32–256 settled at p = 0.6967, in the saturated tail where every wrapping
     * probability is 1, with S = 0.4 and ν = 0.337 or 0.508 (exact 4/3), and that ν entered best.
     * At a critical point the curves are in transition: the 2D Ising Binder cumulant at T_c is at
     * about 0.9 of its range, the percolation and perceptron crossings near half of it. Half, not
     * every size: one small size still rising there (its wide transition reaches the tail) held
     * the check off while the larger sizes lay flat (the refinement of percolation2d-refine in a
     * world with a known answer: L = 16–256 collapsed at p = 0.672, S = 0.012, and ν = 0.33426 ±
     * 0.00002 was the best ν). (A size whose grid ends before x_c reads its end value there, on its
     * plateau by this test: half the sizes keeps one such size from voiding a collapse.)
     */
    static String onPlateaus(ResampledCurves c, int obs, int first, double xc) {
        int flat = 0;
        for (int s = first; s < c.sizeCount(); s++) {
            double[] x = c.x(s);
            double[] y = c.y(0, s, obs);
            double low = Arrays.stream(y).min().orElse(Double.NaN);
            double high = Arrays.stream(y).max().orElse(Double.NaN);
            double share = (interpolated(x, y, xc) - low) / (high - low);
            if (Math.min(share, 1 - share) < PLATEAU_SHARE) {
                flat++;
            }
        }
        if (2 * flat < c.sizeCount() - first) {
            return null;
        }
        return String.format(Locale.ROOT, "no collapse: x_c = %.6g lies on the plateau of %d of the %d sizes' curves (within %.0f %% of"
                + " each curve's range from its end): flat curves collapse at any 1/nu", xc, flat, c.sizeCount() - first, 100 * PLATEAU_SHARE);
    }

    /** The share of a curve's range from its end within which a value is on its plateau. */
    static final double PLATEAU_SHARE = 0.03;

    /** y at xc, linear between the grid points around it (the end value beyond the grid). */
    private static double interpolated(double[] x, double[] y, double xc) {
        int k = Arrays.binarySearch(x, xc);
        if (k >= 0) {
            return y[k];
        }
        int above = -k - 1;
        if (above == 0) {
            return y[0];
        }
        if (above == x.length) {
            return y[x.length - 1];
        }
        double t = (xc - x[above - 1]) / (x[above] - x[above - 1]);
        return y[above - 1] + t * (y[above] - y[above - 1]);
    }

    private static Result failed(List<Integer> sizes, Flag flag, String why, int resamples) {
        ResampledEstimate none = ResampledEstimate.failed(sizes, flag, why, resamples);
        return new Result(none, none, none, Double.NaN);
    }

    /** Index of the first size kept by the variant. */
    private static int firstKept(ResampledCurves c, Variant v) {
        int first = 0;
        while (first < c.sizeCount() && c.size(first) < v.fromSize()) {
            first++;
        }
        return first;
    }

    /** S of all points of all sizes on resample b. */
    static double quality(ResampledCurves c, int b, int obs, double xc, double inverseNu, double power) {
        return quality(c, b, obs, Variant.ALL, xc, inverseNu, power);
    }

    /**
     * S on resample b; +∞ when no point has neighbours of another size, 1/ν ≤ 0, or a size keeps fewer
     * than {@link #MIN_POINTS} points in the variant's window. Points without a usable error are left
     * out, from the sums and from the overlap the penalty judges: a single replica, or all replicas
     * equal, as a 0/1 observable far from its transition, or a probability within one replica's worth
     * of 0 or 1 ({@link ResampledCurves#resolved}), which is the same rule for a 0/1 observable and
     * extends it to replicas whose values are smooth in the control, as percolation's grand-canonical
     * wrapping probability: its binomial tails, decided by one replica, had the smallest errors of all
     * and pulled a percolation world's ν to 1.45 ± 0.01 (exact 4/3), in two trials of 48 to 1/3.
     */
    static double quality(ResampledCurves c, int b, int obs, Variant v, double xc, double inverseNu, double power) {
        return quality(c, b, obs, v, new double[]{xc, inverseNu, power, 0});
    }

    /**
     * S at p = {x_c, 1/ν, a, b}: the scaling variable is (t + b·t²)·L^(1/ν), t = x − x_c, an analytic
     * scaling field's curvature b (0 unless the collapse is corrected); +∞ where t + b·t² is not
     * monotonic over the points.
     */
    private static double quality(ResampledCurves c, int b, int obs, Variant v, double[] p) {
        double xc = p[0];
        double inverseNu = p[1];
        double power = p[2];
        double curvature = p[3];
        if (!(inverseNu > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        int first = firstKept(c, v);
        int n = c.sizeCount() - first;
        double[][] sx = new double[n][];
        double[][] sy = new double[n][];
        double[][] se = new double[n][];
        int total = 0;
        for (int s = 0; s < n; s++) {
            double stretch = Math.pow(c.size(first + s), inverseNu);
            double scale = Math.pow(c.size(first + s), -power);
            double[] x = c.x(first + s);
            double[] y = c.y(b, first + s, obs);
            double[] e = c.error(first + s, obs);
            int size = c.size(first + s);
            int curve = first + s;
            int[] usable = IntStream.range(0, x.length)
                    .filter(i -> e[i] > 0 && c.resolved(curve, i, obs) && (!v.windowed() || v.window().keeps(x[i], size)))
                    .toArray();
            if (v.windowed() && usable.length < MIN_POINTS) {
                return Double.POSITIVE_INFINITY;
            }
            sx[s] = new double[usable.length];
            sy[s] = new double[usable.length];
            se[s] = new double[usable.length];
            for (int k = 0; k < usable.length; k++) {
                int i = usable[k];
                double t = x[i] - xc;
                if (!(1 + 2 * curvature * t > 0)) {
                    return Double.POSITIVE_INFINITY;
                }
                sx[s][k] = (t + curvature * t * t) * stretch;
                sy[s][k] = y[i] * scale;
                se[s][k] = e[i] * scale;
            }
            total += usable.length;
        }
        // residuals of the data (column 0) and, with ω, of the correction's terms L^(−ω)·(x/reach)^j
        // (columns 1..CORRECTION_TERMS), each against the same local fits, over the fit's variance
        int terms = v.corrected() ? CORRECTION_TERMS : 0;
        double reach = 0;
        for (double[] x : sx) {
            for (double xi : x) {
                reach = Math.max(reach, Math.abs(xi));
            }
        }
        double[][] gram = new double[terms + 1][terms + 1];
        double[] own = new double[terms + 1];
        double[] residual = new double[terms + 1];
        int count = 0;
        for (int s = 0; s < n; s++) {
            for (int i = 0; i < sx[s].length; i++) {
                LocalFit fit = localFit(sx, se, s, sx[s][i]);
                if (fit == null) {
                    continue;
                }
                basis(sy[s][i], sx[s][i] / reach, v.corrected() ? Math.pow(c.size(first + s), -v.omega()) : 0, own);
                System.arraycopy(own, 0, residual, 0, terms + 1);
                for (int k = 0; k < fit.size.length; k++) {
                    int t = fit.size[k];
                    int j = fit.index[k];
                    basis(sy[t][j], sx[t][j] / reach, v.corrected() ? Math.pow(c.size(first + t), -v.omega()) : 0, own);
                    for (int a = 0; a <= terms; a++) {
                        residual[a] -= fit.weight[k] * own[a];
                    }
                }
                double inverse = 1 / (se[s][i] * se[s][i] + fit.variance);
                for (int a = 0; a <= terms; a++) {
                    for (int b2 = 0; b2 <= a; b2++) {
                        gram[a][b2] += inverse * residual[a] * residual[b2];
                    }
                }
                count++;
            }
        }
        if (count <= terms) {
            return Double.POSITIVE_INFINITY;
        }
        // a collapse judged on few overlapping points is not a collapse: penalise losing overlap
        Explained e = explained(gram, terms);
        double s = (gram[0][0] - e.sum()) / (count - e.terms());
        return 2 * count < total ? s * total / (2.0 * count) : s;
    }

    /** {y, L^(−ω), L^(−ω)·u, L^(−ω)·u², …} into {@code into}, as many as it holds. */
    private static void basis(double y, double u, double correction, double[] into) {
        into[0] = y;
        double p = correction;
        for (int a = 1; a < into.length; a++) {
            into[a] = p;
            p *= u;
        }
    }

    /** The part of S's sum the correction explains, and how many of its terms it took: S's dof lose only those. */
    private record Explained(double sum, int terms) {
    }

    /**
     * The part of the weighted sum of squared data residuals (gram[0][0]) that the correction's
     * terms explain at their best coefficients: b·A⁻¹·b with A = gram[1..][1..], b = gram[1..][0]
     * (lower triangles), by Cholesky; a term the points do not fix (a pivot below 10⁻¹⁰ of its
     * diagonal) is left out, and not counted.
     */
    private static Explained explained(double[][] gram, int terms) {
        double[][] l = new double[terms][terms];
        double[] z = new double[terms];
        double sum = 0;
        int used = 0;
        for (int j = 0; j < terms; j++) {
            double pivot = gram[j + 1][j + 1];
            double rhs = gram[j + 1][0];
            for (int k = 0; k < j; k++) {
                pivot -= l[j][k] * l[j][k];
                rhs -= l[j][k] * z[k];
            }
            if (!(pivot > 1e-10 * gram[j + 1][j + 1])) {
                continue;
            }
            l[j][j] = Math.sqrt(pivot);
            for (int i = j + 1; i < terms; i++) {
                double e = gram[i + 1][j + 1];
                for (int k = 0; k < j; k++) {
                    e -= l[i][k] * l[j][k];
                }
                l[i][j] = e / l[j][j];
            }
            z[j] = rhs / l[j][j];
            sum += z[j] * z[j];
            used++;
        }
        return new Explained(sum, used);
    }

    /**
     * A local fit's value at X as weights on other sizes' points: Σ_k weight[k]·y(size[k], index[k]),
     * with the variance of that value from the points' errors.
     */
    private record LocalFit(int[] size, int[] index, double[] weight, double variance) {
    }

    /**
     * The quadratic at X fitted, weighted by 1/error², to the {@link #MIN_POINTS} points nearest X of
     * every size but {@code skip} whose scaled range holds X (no extrapolation); null when no size
     * holds X or the points fix no quadratic. The fit is written in u = (x − X)/h, h the farthest
     * point used, so its value at X is the constant term and the normal equations stay well
     * conditioned on narrow windows. It is linear in the points' values, so it is returned as their
     * weights: the same fit then judges the correction's terms as well as the data.
     */
    private static LocalFit localFit(double[][] sx, double[][] se, int skip, double X) {
        int[] size = new int[MIN_POINTS * sx.length];
        int[] index = new int[size.length];
        int m = 0;
        double h = 0;
        for (int t = 0; t < sx.length; t++) {
            if (t == skip || sx[t].length < MIN_POINTS || !holds(sx[t], X, t > skip)) {
                continue;
            }
            // the nearest points of a sorted curve are a run around X: grow it from the bracket
            int at = Arrays.binarySearch(sx[t], X);
            int lo = at >= 0 ? at : -at - 2;
            int hi = lo;
            while (hi - lo + 1 < MIN_POINTS) {
                boolean left = lo > 0 && (hi == sx[t].length - 1 || X - sx[t][lo - 1] < sx[t][hi + 1] - X);
                if (left) {
                    lo--;
                } else {
                    hi++;
                }
            }
            for (int j = lo; j <= hi; j++) {
                size[m] = t;
                index[m++] = j;
                h = Math.max(h, Math.abs(sx[t][j] - X));
            }
        }
        if (m < MIN_POINTS || !(h > 0)) {
            return null;
        }
        // weighted moments Σ w·u^k (k = 0..4) of the normal equations
        double[] u = new double[m];
        double[] w = new double[m];
        double[] mu = new double[5];
        for (int k = 0; k < m; k++) {
            u[k] = (sx[size[k]][index[k]] - X) / h;
            w[k] = 1 / (se[size[k]][index[k]] * se[size[k]][index[k]]);
            double p = w[k];
            for (int d = 0; d <= 4; d++) {
                mu[d] += p;
                p *= u[k];
            }
        }
        // first row of the inverse of [[m0 m1 m2] [m1 m2 m3] [m2 m3 m4]], by cofactors
        double a0 = mu[2] * mu[4] - mu[3] * mu[3];
        double a1 = mu[2] * mu[3] - mu[1] * mu[4];
        double a2 = mu[1] * mu[3] - mu[2] * mu[2];
        double det = mu[0] * a0 + mu[1] * a1 + mu[2] * a2;
        if (!(det > 1e-12 * mu[0] * mu[2] * mu[4])) {
            return null;
        }
        double[] weight = new double[m];
        for (int k = 0; k < m; k++) {
            weight[k] = w[k] * (a0 + a1 * u[k] + a2 * u[k] * u[k]) / det;
        }
        return new LocalFit(Arrays.copyOf(size, m), Arrays.copyOf(index, m), weight, a0 / det);
    }

    /**
     * Whether a sorted scaled range holds X: strictly inside, or at an end only when the range is a
     * larger size's ({@code larger}). Where two sizes' range ends coincide, each end point lies on the
     * other's end; comparing both (closed ranges) gives S a value that no nearby (x_c, 1/ν) has, since
     * off the coincidence only one of the two lies inside the other's range, and a minimiser started
     * there stays (CollapseTest's corrected window). Comparing only the smaller size's end makes S
     * there the limit of its values at 1/ν slightly above the coincidence's, where larger sizes'
     * scaled ranges are the wider.
     */
    private static boolean holds(double[] range, double x, boolean larger) {
        double lo = range[0];
        double hi = range[range.length - 1];
        return lo < x && x < hi || larger && (x == lo || x == hi);
    }

    /**
     * Nelder–Mead from {@code start}; NaNs when it does not converge (S is piecewise smooth: points
     * enter and leave the overlap of other sizes and the local fits), which counts as a failed resample.
     */
    private static double[] minimise(ResampledCurves c, int b, int obs, boolean fitPower, Variant v, double[] start) {
        double[] last = c.x(c.sizeCount() - 1);
        double span = last[last.length - 1] - last[0];
        double widest = 0;
        for (int s = 0; s < c.sizeCount(); s++) {
            widest = Math.max(widest, c.x(s)[c.x(s).length - 1] - c.x(s)[0]);
        }
        // the free parameters, in the order of p: x_c, 1/ν, a when fitted, b when corrected
        int[] free = IntStream.of(0, 1, 2, 3).filter(k -> k < 2 || k == 2 && fitPower || k == 3 && v.corrected()).toArray();
        // b's step bends the widest size's range by a tenth at its ends
        double[] scale = {0.1 * span, 0.1, 0.1, 0.1 / widest};
        double[] steps = IntStream.of(free).mapToDouble(k -> scale[k]).toArray();
        double[] guess = IntStream.of(free).mapToDouble(k -> start[k]).toArray();
        SimplexOptimizer nm = new SimplexOptimizer(new SimpleValueChecker(1e-7, 1e-10));
        try {
            double[] q = nm.optimize(new MaxEval(4000), GoalType.MINIMIZE,
                    new ObjectiveFunction(r -> quality(c, b, obs, v, fill(start, free, r))),
                    new InitialGuess(guess), new NelderMeadSimplex(steps)).getPoint();
            return fill(start, free, q);
        } catch (TooManyEvaluationsException e) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
    }

    /** {x_c, 1/ν, a, b}: the free ones from {@code values}, the others as in {@code fixed} (a and b held at 0 unless fitted). */
    private static double[] fill(double[] fixed, int[] free, double[] values) {
        double[] p = {fixed[0], fixed[1], 0, 0};
        for (int k = 0; k < free.length; k++) {
            p[free[k]] = values[k];
        }
        return p;
    }

    /**
     * Best point of a grid: x_c at the centres of {@link #START_CELLS} cells of the control range
     * common to the kept sizes, 1/ν over {@link #INVERSE_NU_GRID}, and a from the slope of log mean
     * |y| against log L.
     *
     * <p>The x_c grid never holds the middle of the common range. There, at the 1/ν of its window,
     * a window sweep's scaled points coincide, and so do the ends of every size's scaled range: each
     * size's end point is then compared with every other size's, while at any other (x_c, 1/ν) only
     * one of each pair lies within the other's range, so S there differs from its limit, an isolated
     * value that Nelder–Mead, started on it, never leaves. On {@code sweeps/ising2d.yaml} (T = 2.269
     * ± 4/L) the corrected collapse's S (g alone, b = 0) was 1.0006 at x_c = 2.269, 1/ν = 1 and 1.0055 at 1/ν = 1 ±
     * 10⁻⁵, the minimum 1.0030 at ν = 0.9994, x_c = 2.2689; started there (grid cell boundaries, the
     * middle one included), the collapse returned ν = 1.00000 and x_c = 2.269 exactly. Since
     * {@link #holds} compares only the smaller size's end there, S at the coincidence is the limit of
     * its neighbours' (a window started on it leaves it, CollapseTest); the grid keeps off it still.
     */
    private static double[] coarseStart(ResampledCurves c, int obs, boolean fitPower, Variant v) {
        int first = firstKept(c, v);
        int n = c.sizeCount();
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (int s = first; s < n; s++) {
            lo = Math.max(lo, c.x(s)[0]);
            hi = Math.min(hi, c.x(s)[c.x(s).length - 1]);
        }
        if (!(hi > lo)) {
            lo = c.x(n - 1)[0];
            hi = c.x(n - 1)[c.x(n - 1).length - 1];
        }
        double power = 0;
        if (fitPower) {
            double smallest = Math.log(meanAbs(c.y(0, first, obs)));
            double largest = Math.log(meanAbs(c.y(0, n - 1, obs)));
            power = (largest - smallest) / Math.log((double) c.size(n - 1) / c.size(first));
        }
        double[] best = {0.5 * (lo + hi), 1.0, power, 0};
        double bestS = Double.POSITIVE_INFINITY;
        for (int i = 0; i < START_CELLS; i++) {
            double xc = lo + (i + 0.5) * (hi - lo) / START_CELLS;
            for (double inverseNu : INVERSE_NU_GRID) {
                double s = quality(c, 0, obs, v, xc, inverseNu, power);
                if (s < bestS) {
                    bestS = s;
                    best = new double[]{xc, inverseNu, power, 0};
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
