package io.phasesweep.engine.models.jamming;

import java.util.Arrays;

/**
 * The harmonic soft-constraint landscape of the perceptron, H(w) = ½ Σ_μ max(0, κ − h_μ)² with
 * stabilities h_μ = a_μ·w, where the rows a_μ = y_μ ξ_μ/√N and w lies on the sphere |w|² = N (so
 * h_μ = y_μ ξ_μ·w/√N). A constraint with h_μ &lt; κ overlaps: it carries the force f_μ = κ − h_μ.
 */
final class SoftConstraints {
    private final double[] rows;
    private final int constraints;
    private final int n;
    private final double kappa;

    /**
     * @param rows row-major P×N matrix of the a_μ
     */
    SoftConstraints(double[] rows, int constraints, int n, double kappa) {
        if (rows.length != (long) constraints * n) {
            throw new IllegalArgumentException(rows.length + " entries for " + constraints + "×" + n + " rows");
        }
        this.rows = rows;
        this.constraints = constraints;
        this.n = n;
        this.kappa = kappa;
    }

    int constraints() {
        return constraints;
    }

    int dimension() {
        return n;
    }

    double kappa() {
        return kappa;
    }

    /** Writes h_μ = a_μ·w into {@code h}. */
    void stabilities(double[] w, double[] h) {
        // four partial sums: the JIT does not reorder a floating-point sum, and one chain of
        // dependent additions runs at a quarter of the multiply rate (this loop is the model's cost)
        int blocked = n - n % 4;
        for (int mu = 0; mu < constraints; mu++) {
            int k = mu * n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int i = 0; i < blocked; i += 4) {
                s0 += rows[k + i] * w[i];
                s1 += rows[k + i + 1] * w[i + 1];
                s2 += rows[k + i + 2] * w[i + 2];
                s3 += rows[k + i + 3] * w[i + 3];
            }
            for (int i = blocked; i < n; i++) {
                s0 += rows[k + i] * w[i];
            }
            h[mu] = (s0 + s1) + (s2 + s3);
        }
    }

    /**
     * The energy at w, with the stabilities written into {@code h} and the force −∇H = Σ_μ f_μ a_μ
     * (in the full space, not yet projected on the sphere's tangent plane) into {@code force}.
     */
    double energyAndForce(double[] w, double[] h, double[] force) {
        stabilities(w, h);
        Arrays.fill(force, 0);
        double energy = 0;
        for (int mu = 0; mu < constraints; mu++) {
            double f = kappa - h[mu];
            if (f > 0) {
                energy += 0.5 * f * f;
                int k = mu * n;
                for (int i = 0; i < n; i++) {
                    force[i] += f * rows[k + i];
                }
            }
        }
        return energy;
    }
}
