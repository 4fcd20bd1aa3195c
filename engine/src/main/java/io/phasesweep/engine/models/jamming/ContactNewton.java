package io.phasesweep.engine.models.jamming;

/**
 * Newton's step on the sphere |w|² = N for the harmonic cost of the constraints expected in contact
 * ({@link SoftConstraints#contactQuadratic}: the overlaps and, if there are fewer than N, the gaps
 * that close first along the descent's heading, up to N). Near jamming FIRE spends most of its steps on the last approach, with N − 1 or so
 * overlaps and the last contacts closing along directions of almost no curvature (the Hessian's
 * smallest eigenvalue goes to zero at jamming); with the contacts of the minimum fixed its energy is
 * the quadratic Q(w) = ½ Σ_μ (κ − a_μ·w)² on the sphere, and Newton's steps on it land there at
 * once. Whether a step is taken is for the caller to decide on the true energy; a step is kept
 * within reach of the contacts it was computed for ({@link #withinReach}).
 *
 * <p>The step minimises g·d + ½ d·(∇²Q + λ I) d over the tangent plane d ⊥ w, the second-order model
 * of the Lagrangian Q + (λ/2)(|w|² − N) with λ = −∇Q·w/N, the multiplier that balances the radial
 * force. The tangent plane is spanned by the last N − 1 columns of the Householder reflection Q
 * that maps w onto the first axis; the reduced Hessian is factored by Cholesky, whose failure
 * (a direction of non-positive curvature) means there is no Newton minimum to go to.
 */
final class ContactNewton {
    private ContactNewton() {
    }

    /** The Newton step at w (tangent to the sphere; harmonic cost), or null where the reduced Hessian is not positive definite. */
    static double[] step(SoftConstraints landscape, double[] w, double[] heading) {
        int n = w.length;
        double[] h = new double[landscape.constraints()];
        double[] force = new double[n];
        landscape.stabilities(w, h);
        double[] hessian = landscape.contactQuadratic(h, heading, force);
        double lambda = dot(force, w) / n;
        for (int i = 0; i < n; i++) {
            hessian[i * n + i] += lambda;
        }
        // Q = I − β v vᵀ with v = w + sign(w₀)|w| e₀ maps w onto −sign(w₀)|w| e₀
        double[] v = w.clone();
        v[0] += Math.copySign(Math.sqrt(dot(w, w)), w[0]);
        double beta = 2 / dot(v, v);
        double[] mv = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += hessian[i * n + j] * v[j];
            }
            mv[i] = s;
        }
        double vmv = dot(v, mv);
        int m = n - 1;
        double[] reduced = new double[m * m];
        for (int i = 1; i < n; i++) {
            for (int j = 1; j <= i; j++) {
                double q = hessian[i * n + j] - beta * (v[i] * mv[j] + mv[i] * v[j]) + beta * beta * vmv * v[i] * v[j];
                reduced[(i - 1) * m + j - 1] = q;
            }
        }
        double vf = beta * dot(v, force);
        double[] y = new double[m];
        for (int i = 1; i < n; i++) {
            y[i - 1] = force[i] - vf * v[i];
        }
        if (!cholesky(reduced, m)) {
            return null;
        }
        solve(reduced, m, y);
        double[] d = new double[n];
        double vy = 0;
        for (int i = 1; i < n; i++) {
            d[i] = y[i - 1];
            vy += v[i] * y[i - 1];
        }
        for (int i = 0; i < n; i++) {
            d[i] -= beta * vy * v[i];
        }
        return withinReach(landscape, h, d);
    }

    /**
     * The step shortened, if need be, so that no stability moves by more than twice the largest
     * overlap: the quadratic is a guess about the contacts near w, and a longer step leaves the
     * region where it was made (unshortened steps that moved stabilities by 1.6 with overlaps of
     * 4e-4 jumped into other basins, at N = 16).
     */
    private static double[] withinReach(SoftConstraints landscape, double[] h, double[] d) {
        double overlap = 0;
        for (double x : h) {
            overlap = Math.max(overlap, landscape.kappa() - x);
        }
        double[] moves = new double[h.length];
        landscape.stabilities(d, moves);
        double largest = 0;
        for (double m : moves) {
            largest = Math.max(largest, Math.abs(m));
        }
        if (largest > 2 * overlap) {
            double scale = 2 * overlap / largest;
            for (int i = 0; i < d.length; i++) {
                d[i] *= scale;
            }
        }
        return d;
    }

    /** Cholesky factor L (lower triangle of {@code a}, in place); false at a pivot that is not positive. */
    private static boolean cholesky(double[] a, int m) {
        for (int j = 0; j < m; j++) {
            double pivot = a[j * m + j];
            for (int k = 0; k < j; k++) {
                pivot -= a[j * m + k] * a[j * m + k];
            }
            if (!(pivot > 0)) {
                return false;
            }
            double diagonal = Math.sqrt(pivot);
            a[j * m + j] = diagonal;
            for (int i = j + 1; i < m; i++) {
                double s = a[i * m + j];
                for (int k = 0; k < j; k++) {
                    s -= a[i * m + k] * a[j * m + k];
                }
                a[i * m + j] = s / diagonal;
            }
        }
        return true;
    }

    /** Solves L Lᵀ y = b in place, L the lower triangle of {@code l}. */
    private static void solve(double[] l, int m, double[] b) {
        for (int i = 0; i < m; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * m + k] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
        for (int i = m - 1; i >= 0; i--) {
            double s = b[i];
            for (int k = i + 1; k < m; k++) {
                s -= l[k * m + i] * b[k];
            }
            b[i] = s / l[i * m + i];
        }
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
