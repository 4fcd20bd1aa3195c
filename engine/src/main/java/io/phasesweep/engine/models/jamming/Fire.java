package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.Deadline;

import java.util.Arrays;

/**
 * FIRE (Bitzek, Koskinen, Gähler, Moseler, Gumbsch, PRL 97, 170201 (2006)) on the sphere |w|² = N:
 * damped inertial descent whose velocity is mixed towards the force while the power F·v stays
 * positive and reset when it turns negative, with an adaptive time step. After each step w is put
 * back on the sphere and the velocity projected on its tangent plane. The standard parameters of
 * the paper (N_min = 5, f_inc = 1.1, f_dec = 0.5, α_start = 0.1, f_α = 0.99, Δt_max = 10 Δt_0).
 *
 * <p>It stops when the energy is exactly 0 (every constraint satisfied: a solution) or when the
 * projected force |P_⊥∇H| is at most {@code tolerance} (a stationary point of positive energy);
 * {@code maxSteps} is a guard only, and reaching it is reported as not converged.
 */
final class Fire {
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1;
    private static final double F_DEC = 0.5;
    private static final double ALPHA_START = 0.1;
    private static final double F_ALPHA = 0.99;
    private static final double DT_START = 0.1;
    private static final double DT_MAX = 1.0;

    private Fire() {
    }

    /**
     * The end of a descent.
     *
     * @param energy    H at w
     * @param force     |P_⊥∇H| at w
     * @param steps     FIRE steps taken
     * @param converged whether the stopping rule was met (false: the step guard ended it)
     */
    record Result(double[] w, double[] stabilities, double energy, double force, long steps, boolean converged) {
    }

    /** Descends from {@code start} (on the sphere |w|² = N; not modified). */
    static Result minimise(SoftConstraints landscape, double[] start, double tolerance, long maxSteps,
            Deadline deadline) {
        int n = landscape.dimension();
        double[] w = start.clone();
        double[] v = new double[n];
        double[] force = new double[n];
        double[] h = new double[landscape.constraints()];
        double dt = DT_START;
        double alpha = ALPHA_START;
        int sinceReset = 0;
        double energy = landscape.energyAndForce(w, h, force);
        double forceNorm = Math.sqrt(tangent(force, w));
        long step = 0;
        while (energy > 0 && forceNorm > tolerance && step < maxSteps) {
            if (step % 1024 == 0) {
                deadline.check();
            }
            step++;
            double power = dot(force, v);
            if (power > 0) {
                double mix = alpha * Math.sqrt(dot(v, v)) / forceNorm;
                for (int i = 0; i < n; i++) {
                    v[i] = (1 - alpha) * v[i] + mix * force[i];
                }
                if (++sinceReset > N_MIN) {
                    dt = Math.min(dt * F_INC, DT_MAX);
                    alpha *= F_ALPHA;
                }
            } else {
                Arrays.fill(v, 0);
                dt *= F_DEC;
                alpha = ALPHA_START;
                sinceReset = 0;
            }
            for (int i = 0; i < n; i++) {
                v[i] += dt * force[i];
                w[i] += dt * v[i];
            }
            double scale = Math.sqrt(n / dot(w, w));
            for (int i = 0; i < n; i++) {
                w[i] *= scale;
            }
            project(v, w);
            energy = landscape.energyAndForce(w, h, force);
            forceNorm = Math.sqrt(tangent(force, w));
        }
        return new Result(w, h, energy, forceNorm, step, energy == 0 || forceNorm <= tolerance);
    }

    /** Projects {@code x} on the tangent plane at w (|w|² = N) in place; returns |x|². */
    private static double tangent(double[] x, double[] w) {
        project(x, w);
        return dot(x, x);
    }

    private static void project(double[] x, double[] w) {
        double c = dot(x, w) / dot(w, w);
        for (int i = 0; i < x.length; i++) {
            x[i] -= c * w[i];
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
