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
 * <p>It stops by the rules of a {@link Stop}; {@code maxSteps} is a guard only, and reaching it is
 * reported as not converged.
 */
final class Fire {
    private static final int N_MIN = 5;
    private static final double F_INC = 1.1;
    private static final double F_DEC = 0.5;
    private static final double ALPHA_START = 0.1;
    private static final double F_ALPHA = 0.99;
    private static final double DT_START = 0.1;
    private static final double DT_MAX = 1.0;
    /** Relative rounding of w: a Newton step shorter than this times |w| changes nothing. */
    private static final double ROUNDING = 1e-15;
    /**
     * Newton's steps per attempt at most: near the rounding floor noise-level decreases of H could
     * keep an attempt going, each step O(P·N² + N³); FIRE then goes on and tries again later.
     */
    static final int NEWTON_STEPS = 50;

    private Fire() {
    }

    /**
     * When a descent ends: at a solution, H/P at most {@code solved}; at a certified stationary point
     * of positive energy, |P_⊥∇H| at most {@code relative} times |f|, the norm of the forces f_μ that
     * the projection balances (√(2H) for the harmonic cost); or when |P_⊥∇H| is at most
     * {@code absolute}.
     *
     * <p>The relative rule cannot stop a descent on its way into a solution: with k ≤ N − 1
     * overlaps in general position |P_⊥∇H| ≥ σ_min·|f| (σ_min the smallest singular value of their
     * projected rows), however small H gets. An absolute rule can: it stops near-solutions whose
     * H ~ |P_⊥∇H|²/λ_min is not small when the Hessian's λ_min is (near jamming). It is there because
     * a few such approaches near jamming take millions of steps to reach {@code solved}; a stop by it
     * alone (not certified stationary) is reported.
     */
    record Stop(double solved, double relative, double absolute) {
        /** Whether a descent at H = {@code energy} (solved below {@code solvedEnergy}), forces |f| and |P_⊥∇H| ends. */
        boolean met(double energy, double forces, double projected, double solvedEnergy) {
            return energy <= solvedEnergy || projected <= absolute || projected <= relative * forces;
        }
    }

    /**
     * The end of a descent.
     *
     * @param energy    H at w
     * @param forces    |f| at w, the norm of the forces
     * @param force     |P_⊥∇H| at w
     * @param steps     FIRE steps taken
     * @param converged whether a rule of the {@link Stop} ended it (false: the step guard did)
     */
    record Result(double[] w, double[] stabilities, double energy, double forces, double force, long steps,
            boolean converged) {
        /** A positive energy whose projected force is at most {@code relative} times the forces' norm. */
        boolean certified(Stop stop) {
            return energy > 0 && force <= stop.relative() * forces;
        }
    }

    /**
     * Descends from {@code start} (on the sphere |w|² = N; not modified).
     *
     * @param newton whether Newton's steps on the expected contacts join the descent (harmonic cost
     *               only); without them FIRE alone descends, which tests use to check that the steps
     *               change how fast a minimum is reached, not which
     */
    static Result minimise(SoftConstraints landscape, double[] start, Stop stop, long maxSteps, Deadline deadline,
            boolean newton) {
        int n = landscape.dimension();
        double[] w = start.clone();
        double[] v = new double[n];
        double[] force = new double[n];
        double[] h = new double[landscape.constraints()];
        double dt = DT_START;
        double alpha = ALPHA_START;
        int sinceReset = 0;
        SoftConstraints.Evaluation at = landscape.energyAndForce(w, h, force);
        double forceNorm = Math.sqrt(tangent(force, w));
        long step = 0;
        long sinceNewton = 0;
        long wait = n;
        double solvedEnergy = stop.solved() * landscape.constraints();
        while (!stop.met(at.energy(), at.forces(), forceNorm, solvedEnergy) && step < maxSteps) {
            if (step % 1024 == 0) {
                deadline.check();
            }
            step++;
            if (newton && landscape.harmonic() && ++sinceNewton >= wait) {
                // every N to 8N FIRE steps (an attempt costs about as much as N/(4α) FIRE steps, so at most a
                // quarter more), Newton's steps on the expected contacts: fewer attempts while they fail
                sinceNewton = 0;
                int newtonSteps = newton(landscape, w, v, at, stop, solvedEnergy,
                        (int) Math.min(NEWTON_STEPS, maxSteps - step + 1), deadline);
                if (newtonSteps == 0) {
                    wait = Math.min(2 * wait, 8L * n);
                    continue;
                }
                wait = n;
                step += newtonSteps - 1;
                at = landscape.energyAndForce(w, h, force);
                forceNorm = Math.sqrt(tangent(force, w));
                Arrays.fill(v, 0);
                continue;
            }
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
            normalise(w);
            project(v, w);
            at = landscape.energyAndForce(w, h, force);
            forceNorm = Math.sqrt(tangent(force, w));
        }
        return new Result(w, h, at.energy(), at.forces(), forceNorm, step,
                stop.met(at.energy(), at.forces(), forceNorm, solvedEnergy));
    }

    /**
     * Newton's steps ({@link ContactNewton}) from w while each lowers the energy (a step is halved
     * until it does or until it is below the rounding of w) and the stopping rule is not met, at most
     * {@code most} of them, the deadline checked before each. Moves w to the last point reached;
     * returns the number of steps taken (0: the first lowered nothing).
     */
    private static int newton(SoftConstraints landscape, double[] w, double[] velocity, SoftConstraints.Evaluation at,
            Stop stop, double solvedEnergy, int most, Deadline deadline) {
        int n = w.length;
        double[] h = new double[landscape.constraints()];
        double[] force = new double[n];
        double[] trial = new double[n];
        double energy = at.energy();
        int steps = 0;
        double[] heading = velocity;
        while (steps < most) {
            deadline.check();
            double[] d = ContactNewton.step(landscape, w, heading);
            if (d == null) {
                break;
            }
            double length = Math.sqrt(dot(d, d));
            SoftConstraints.Evaluation reached = null;
            for (double t = 1; t * length > ROUNDING * Math.sqrt(n) && reached == null; t *= 0.5) {
                for (int i = 0; i < n; i++) {
                    trial[i] = w[i] + t * d[i];
                }
                normalise(trial);
                SoftConstraints.Evaluation e = landscape.energyAndForce(trial, h, force);
                if (e.energy() < energy) {
                    reached = e;
                }
            }
            if (reached == null) {
                break;
            }
            System.arraycopy(trial, 0, w, 0, n);
            heading = d;
            energy = reached.energy();
            steps++;
            if (stop.met(energy, reached.forces(), Math.sqrt(tangent(force, w)), solvedEnergy)) {
                break;
            }
        }
        return steps;
    }

    private static void normalise(double[] w) {
        double scale = Math.sqrt(w.length / dot(w, w));
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
        }
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
