package io.phasesweep.engine.models.perceptron;

import io.phasesweep.engine.model.Deadline;

/**
 * Exact max-margin solver for homogeneous linear separation: given rows a_μ (μ = 1..P) of R^N,
 * finds κ* = max over |w| ≤ 1 of min_μ a_μ·w.
 *
 * <p>Method: the least-distance problem min |w| subject to A w ≥ 1 (Lawson &amp; Hanson, Solving
 * Least Squares Problems, ch. 23) is solved through non-negative least squares
 * min over u ≥ 0 of |E u − f|², E = [Aᵀ; 1ᵀ], f = (0,…,0,1), by the Lawson–Hanson active-set
 * algorithm. That algorithm is finite (no iteration budget decides the answer); it is run on the
 * Gram matrix EᵀE with a Cholesky factor of the passive block, updated when an index enters and
 * re-triangularised by Givens rotations when one leaves. The residual r = E u − f gives
 * w = −r_{1..N}/r_{N+1} when the constraints are feasible, and r ≈ 0 proves they are not.
 *
 * <p>Every answer carries its certificate, checked here: a separable answer comes with a w whose
 * smallest a_μ·w is computed directly, and every answer with a convex combination x = Σλ_μ a_μ,
 * which bounds κ* ≤ |x|. When the two disagree by more than a tolerance the solver throws rather
 * than guess.
 */
public final class MaxMarginSolver {
    /**
     * Resolution of the decision (rows of norm ~1): a w with every a_μ·w above it proves
     * separability, a convex combination this close to the origin proves κ* is below it, and
     * κ* below it counts as not separable.
     */
    static final double ZERO_DISTANCE = 1e-9;
    private static final double KKT_TOLERANCE = 1e-11;
    private static final double CERTIFICATE_GAP = 1e-7;

    private MaxMarginSolver() {
    }

    /**
     * @param a P rows of length N, each of norm of order 1
     */
    public static MaxMargin solve(double[][] a, Deadline deadline) {
        return certified(a, nnls(gram(a), deadline));
    }

    /**
     * The answer that {@code u}, a solution of the NNLS problem of {@code a}, proves, checked
     * against its certificate; throws when the certificate does not hold (u not accurate enough).
     */
    static MaxMargin certified(double[][] a, double[] u) {
        int p = a.length;
        int n = a[0].length;
        double sumU = 0;
        for (double x : u) {
            sumU += x;
        }
        double[] x = combination(a, u, n);
        // λ = u/Σu is a convex combination: its point x/Σu bounds κ* from above
        double upper = sumU > 0 ? norm(x) / sumU : Double.POSITIVE_INFINITY;
        double[] w = x.clone();
        double wNorm = norm(w);
        double minStability = Double.NEGATIVE_INFINITY;
        if (wNorm > 0) {
            for (int i = 0; i < n; i++) {
                w[i] /= wNorm;
            }
            minStability = Double.POSITIVE_INFINITY;
            for (double[] row : a) {
                minStability = Math.min(minStability, dot(row, w));
            }
        }
        if (minStability > ZERO_DISTANCE) {
            if (upper - minStability > CERTIFICATE_GAP * Math.max(1, upper)) {
                throw new ArithmeticException("max-margin certificate gap: achieved " + minStability
                        + ", upper bound " + upper);
            }
            return new MaxMargin(true, w, minStability, upper);
        }
        if (upper > ZERO_DISTANCE) {
            throw new ArithmeticException("neither separating vector (min stability " + minStability
                    + ") nor convex combination near the origin (distance " + upper + ") found; P=" + p);
        }
        return new MaxMargin(false, null, 0.0, upper);
    }

    /** Gram matrix of E = [Aᵀ; 1ᵀ]: a_μ·a_ν + 1. */
    static double[][] gram(double[][] a) {
        int p = a.length;
        double[][] g = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j <= i; j++) {
                double v = dot(a[i], a[j]) + 1.0;
                g[i][j] = v;
                g[j][i] = v;
            }
        }
        return g;
    }

    /**
     * Lawson–Hanson NNLS in Gram form: minimise ½uᵀGu − 1ᵀu over u ≥ 0 (the right-hand side
     * Eᵀf is the all-ones vector).
     */
    static double[] nnls(double[][] g, Deadline deadline) {
        int p = g.length;
        double[] u = new double[p];
        double[] z = new double[p];
        boolean[] passive = new boolean[p];
        CholeskyBlock chol = new CholeskyBlock(g);
        // each outer step adds one index; an index leaves only after a strict decrease of the
        // objective, so the loop is finite; the cap only turns a numerical cycle into an error
        int maxSteps = 30 * p + 100;
        for (int step = 0; ; step++) {
            if (step > maxSteps) {
                throw new ArithmeticException("NNLS did not terminate after " + step + " steps (numerical cycling)");
            }
            deadline.check();
            int t = -1;
            double best = KKT_TOLERANCE;
            for (int j = 0; j < p; j++) {
                if (passive[j]) {
                    continue;
                }
                double s = 1.0;
                double[] row = g[j];
                for (int k = 0; k < chol.size(); k++) {
                    int i = chol.index(k);
                    s -= row[i] * u[i];
                }
                if (s > best) {
                    best = s;
                    t = j;
                }
            }
            if (t < 0) {
                return u;
            }
            if (!chol.add(t)) {
                // the entering column is numerically dependent on the passive ones, which in exact
                // arithmetic means u is optimal; solve() checks that through the certificate
                return u;
            }
            passive[t] = true;
            while (true) {
                chol.solveOnes(z);
                double alpha = 1.0;
                int leaving = -1;
                for (int k = 0; k < chol.size(); k++) {
                    int j = chol.index(k);
                    if (z[k] <= 0) {
                        double r = u[j] / (u[j] - z[k]);
                        if (r < alpha) {
                            alpha = r;
                            leaving = j;
                        }
                    }
                }
                if (leaving < 0) {
                    for (int k = 0; k < chol.size(); k++) {
                        u[chol.index(k)] = z[k];
                    }
                    break;
                }
                for (int k = 0; k < chol.size(); k++) {
                    int j = chol.index(k);
                    u[j] += alpha * (z[k] - u[j]);
                }
                u[leaving] = 0;
                for (int k = chol.size() - 1; k >= 0; k--) {
                    int j = chol.index(k);
                    if (u[j] <= 0) {
                        u[j] = 0;
                        passive[j] = false;
                        chol.remove(k);
                    }
                }
            }
        }
    }

    private static double[] combination(double[][] a, double[] u, int n) {
        double[] x = new double[n];
        for (int mu = 0; mu < a.length; mu++) {
            if (u[mu] != 0) {
                double[] row = a[mu];
                for (int i = 0; i < n; i++) {
                    x[i] += u[mu] * row[i];
                }
            }
        }
        return x;
    }

    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    private static double norm(double[] x) {
        return Math.sqrt(dot(x, x));
    }
}
