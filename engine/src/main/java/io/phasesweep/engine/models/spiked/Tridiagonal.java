package io.phasesweep.engine.models.spiked;

import dev.ludovic.netlib.lapack.LAPACK;
import io.phasesweep.engine.model.Lapack;
import org.netlib.util.intW;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A real symmetric tridiagonal matrix (diagonal a, off-diagonal b) standing for W/√N in an
 * orthonormal basis whose first vector is the unit spike v/√N. The spike's spectral measure, the
 * eigenvalues μ_i of W/√N with weights c_i² = (v·w_i)²/N, is then the eigenvalues of this matrix
 * with the squared first components of its eigenvectors.
 */
public record Tridiagonal(double[] diagonal, double[] offDiagonal) {

    /**
     * The GOE in the Dumitriu–Edelman form (β = 1): Householder tridiagonalisation of a GOE matrix
     * (off-diagonal variance 1, diagonal 2) that keeps the first basis vector gives independent
     * diagonal entries N(0, 2) and off-diagonal entries χ_(N−1), χ_(N−2), …, χ_1. The GOE is
     * invariant under rotations, so any fixed unit spike may be taken as that first vector: this is
     * exact in distribution for every prior of v, at O(N²) instead of O(N³).
     */
    public static Tridiagonal goe(int n, RandomGenerator disorder) {
        double scale = 1.0 / Math.sqrt(n);
        double[] a = new double[n];
        double[] b = new double[n - 1];
        for (int i = 0; i < n; i++) {
            a[i] = Math.sqrt(2.0) * disorder.nextGaussian() * scale;
        }
        for (int i = 0; i < n - 1; i++) {
            b[i] = chi(n - 1 - i, disorder) * scale;
        }
        return new Tridiagonal(a, b);
    }

    /** χ_k as the norm of k standard normals: what the Householder step sees, O(k). */
    private static double chi(int k, RandomGenerator rng) {
        double sum = 0;
        for (int i = 0; i < k; i++) {
            double g = rng.nextGaussian();
            sum += g * g;
        }
        return Math.sqrt(sum);
    }

    /**
     * Reduces a dense symmetric matrix so that the unit vector u becomes the first basis vector: a
     * Householder reflection H with H u = ±e₁, then LAPACK's dsytrd on H A H with lower storage,
     * whose reflectors all leave e₁ in place.
     *
     * @param a column-major n×n symmetric matrix (both triangles); overwritten
     * @param u unit vector
     */
    public static Tridiagonal reduce(double[] a, double[] u, int n) {
        reflectToFirstAxis(a, u, n);
        LAPACK lapack = Lapack.get();
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        double[] tau = new double[Math.max(1, n - 1)];
        intW info = new intW(0);
        double[] query = new double[1];
        lapack.dsytrd("L", n, a, n, d, e, tau, query, -1, info);
        check(info, "dsytrd workspace query");
        double[] work = new double[(int) query[0]];
        lapack.dsytrd("L", n, a, n, d, e, tau, work, work.length, info);
        check(info, "dsytrd");
        return new Tridiagonal(d, Arrays.copyOf(e, n - 1));
    }

    /** A ← H A H with H = I − τ h hᵀ, h = u − s e₁, s = −sign(u₁)|u| (no cancellation in h₁). */
    private static void reflectToFirstAxis(double[] a, double[] u, int n) {
        double[] h = u.clone();
        double s = -Math.copySign(1.0, u[0]);
        h[0] -= s;
        double hh = 0;
        for (double x : h) {
            hh += x * x;
        }
        double tau = 2.0 / hh;
        // H A H = A − h qᵀ − q hᵀ with p = τ A h and q = p − (τ/2)(hᵀp) h.
        double[] p = new double[n];
        for (int j = 0; j < n; j++) {
            double hj = h[j];
            if (hj != 0) {
                for (int i = 0; i < n; i++) {
                    p[i] += a[i + j * n] * hj;
                }
            }
        }
        double hp = 0;
        for (int i = 0; i < n; i++) {
            p[i] *= tau;
            hp += h[i] * p[i];
        }
        double k = 0.5 * tau * hp;
        for (int i = 0; i < n; i++) {
            p[i] -= k * h[i];
        }
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                a[i + j * n] -= h[i] * p[j] + p[i] * h[j];
            }
        }
    }

    public int size() {
        return diagonal.length;
    }

    /** Its eigenvalues in ascending order (LAPACK dsterf, O(N²)); {@code from} = 1 drops the first row and column. */
    double[] eigenvalues(int from) {
        int n = diagonal.length - from;
        double[] d = Arrays.copyOfRange(diagonal, from, diagonal.length);
        double[] e = Arrays.copyOfRange(offDiagonal, from, Math.max(from, offDiagonal.length));
        if (n == 0) {
            return d;
        }
        intW info = new intW(0);
        Lapack.get().dsterf(n, d, e.length == 0 ? new double[1] : e, info);
        check(info, "dsterf");
        return d;
    }

    private static void check(intW info, String step) {
        if (info.val != 0) {
            throw new IllegalStateException("LAPACK " + step + " failed: info = " + info.val);
        }
    }
}
