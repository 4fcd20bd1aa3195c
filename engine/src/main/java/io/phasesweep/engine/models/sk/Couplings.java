package io.phasesweep.engine.models.sk;

import java.util.random.RandomGenerator;

/**
 * One disorder sample of the SK couplings: J_ij = J_ji Gaussian with variance 1/N, J_ii = 0,
 * stored as a full row-major N×N array so that a spin flip updates all local fields by reading one
 * contiguous row. H(s) = −Σ_{i<j} J_ij s_i s_j.
 */
public final class Couplings {
    private final int n;
    private final double[] j;

    private Couplings(int n, double[] j) {
        this.n = n;
        this.j = j;
    }

    /** Draws the upper triangle row by row from {@code disorder}. */
    public static Couplings draw(int n, RandomGenerator disorder) {
        double[] j = new double[n * n];
        double scale = 1.0 / Math.sqrt(n);
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double g = scale * disorder.nextGaussian();
                j[a * n + b] = g;
                j[b * n + a] = g;
            }
        }
        return new Couplings(n, j);
    }

    public int size() {
        return n;
    }

    public double get(int a, int b) {
        return j[a * n + b];
    }

    /** The row-major array itself, not a copy: read-only by contract, for the inner loops. */
    double[] array() {
        return j;
    }

    /** H(s) for spins ±1. */
    public double energy(int[] spins) {
        double e = 0;
        for (int a = 0; a < n; a++) {
            double field = 0;
            for (int b = a + 1; b < n; b++) {
                field += j[a * n + b] * spins[b];
            }
            e -= spins[a] * field;
        }
        return e;
    }
}
