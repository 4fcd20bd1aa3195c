package io.phasesweep.engine.models.jamming;

import java.util.Arrays;

/**
 * The soft-constraint landscape of the perceptron: stabilities h_μ = a_μ·w, where the rows
 * a_μ = y_μ ξ_μ/√N and w lies on the sphere |w|² = N (so h_μ = y_μ ξ_μ·w/√N); a constraint with
 * h_μ &lt; κ overlaps by x_μ = κ − h_μ and costs
 * <ul>
 * <li>harmonic: x²/2, force f_μ = x;</li>
 * <li>linear (the ramp x, smoothed over a width δ so that the force is continuous, as Huber's cost):
 * x²/(2δ) with force x/δ while x &lt; δ, then x − δ/2 with force 1. The smoothing leaves the solutions
 * (H = 0) exactly those of the ramp and moves its minima of positive energy by O(δ).</li>
 * </ul>
 */
final class SoftConstraints {
    private final double[] rows;
    private final int constraints;
    private final int n;
    private final double kappa;
    /** The linear cost's smoothing width δ; 0 for the harmonic cost. */
    private final double width;

    private SoftConstraints(double[] rows, int constraints, int n, double kappa, double width) {
        if (rows.length != (long) constraints * n) {
            throw new IllegalArgumentException(rows.length + " entries for " + constraints + "×" + n + " rows");
        }
        this.rows = rows;
        this.constraints = constraints;
        this.n = n;
        this.kappa = kappa;
        this.width = width;
    }

    /**
     * @param rows row-major P×N matrix of the a_μ
     */
    static SoftConstraints harmonic(double[] rows, int constraints, int n, double kappa) {
        return new SoftConstraints(rows, constraints, n, kappa, 0);
    }

    /** The linear cost smoothed over {@code width} &gt; 0. */
    static SoftConstraints linear(double[] rows, int constraints, int n, double kappa, double width) {
        if (!(width > 0)) {
            throw new IllegalArgumentException("smoothing width " + width + " must be positive");
        }
        return new SoftConstraints(rows, constraints, n, kappa, width);
    }

    /** H at a point and |f|, the norm of its forces f_μ. */
    record Evaluation(double energy, double forces) {
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
     * The energy at w and the norm of the forces, with the stabilities written into {@code h} and the
     * force −∇H = Σ_μ f_μ a_μ (in the full space, not yet projected on the sphere's tangent plane)
     * into {@code force}.
     */
    Evaluation energyAndForce(double[] w, double[] h, double[] force) {
        stabilities(w, h);
        Arrays.fill(force, 0);
        double energy = 0;
        double forces = 0;
        for (int mu = 0; mu < constraints; mu++) {
            double x = kappa - h[mu];
            if (x > 0) {
                double f = force(x);
                energy += width == 0 || x < width ? 0.5 * x * f : x - 0.5 * width;
                forces += f * f;
                int k = mu * n;
                for (int i = 0; i < n; i++) {
                    force[i] += f * rows[k + i];
                }
            }
        }
        return new Evaluation(energy, Math.sqrt(forces));
    }

    /** Whether the cost is the harmonic one (the linear cost's smoothing width is 0). */
    boolean harmonic() {
        return width == 0;
    }

    /**
     * The harmonic energy of the constraints expected in contact at the minimum a descent is heading
     * for, held as two-sided springs: every overlap and, if there are fewer than N (the contacts at
     * jamming), the gaps that close first as w moves along {@code heading} (a tangent direction: the
     * descent's velocity), up to N; gaps that do not close along it come last, the smallest first.
     * Writes the force Σ_μ (κ − h_μ) a_μ of that quadratic into {@code pull} and returns its Hessian
     * Σ_μ a_μ a_μᵀ (N×N, row-major).
     */
    double[] contactQuadratic(double[] h, double[] heading, double[] pull) {
        double[] rate = new double[constraints];
        stabilities(heading, rate);
        double[] closing = new double[constraints];
        Integer[] order = new Integer[constraints];
        int overlaps = 0;
        for (int mu = 0; mu < constraints; mu++) {
            order[mu] = mu;
            double gap = h[mu] - kappa;
            overlaps += gap < 0 ? 1 : 0;
            closing[mu] = gap < 0 ? gap : rate[mu] < 0 ? -gap / rate[mu] : Double.MAX_VALUE + gap;
        }
        Arrays.sort(order, (x, y) -> closing[x] != closing[y] ? Double.compare(closing[x], closing[y])
                : Double.compare(h[x], h[y]));
        int count = Math.min(constraints, Math.max(overlaps, n));
        double[] hessian = new double[n * n];
        Arrays.fill(pull, 0);
        for (int c = 0; c < count; c++) {
            int k = order[c] * n;
            double x = kappa - h[order[c]];
            for (int i = 0; i < n; i++) {
                double ai = rows[k + i];
                pull[i] += x * ai;
                int row = i * n;
                for (int j = 0; j <= i; j++) {
                    hessian[row + j] += ai * rows[k + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                hessian[j * n + i] = hessian[i * n + j];
            }
        }
        return hessian;
    }

    /** The force of an overlap x &gt; 0: x (harmonic), x/δ below the width δ and 1 above it (linear). */
    private double force(double x) {
        return width == 0 ? x : Math.min(x / width, 1);
    }

    /** Writes the forces f_μ of the overlapping constraints (h_μ &lt; κ) into {@code out}; returns their number. */
    int contactForces(double[] h, double[] out) {
        int k = 0;
        for (double x : h) {
            if (x < kappa) {
                out[k++] = force(kappa - x);
            }
        }
        return k;
    }

    /** Writes the gaps h_μ − κ ≥ 0 of the other constraints into {@code out}; returns their number. */
    int gaps(double[] h, double[] out) {
        int k = 0;
        for (double x : h) {
            if (x >= kappa) {
                out[k++] = x - kappa;
            }
        }
        return k;
    }

    /** Σ_μ max(0, κ − h_μ): the unsmoothed linear cost at stabilities h. */
    double ramp(double[] h) {
        double sum = 0;
        for (double x : h) {
            sum += Math.max(0, kappa - x);
        }
        return sum;
    }
}
