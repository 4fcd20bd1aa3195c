package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactNewtonTest {
    /**
     * Newton's method converges quadratically: from a jammed minimum (α = 8, κ = −0.5: more than N
     * overlaps, a positive definite reduced Hessian) displaced by ~1e-4 along a random tangent
     * direction, one step brings the projected gradient down by more than a thousand, and the step
     * stays on the tangent plane.
     */
    @Test
    void oneStepFromNearAMinimumLandsOnIt() {
        int n = 40;
        int p = 320;
        SoftConstraints landscape = SoftConstraints.harmonic(JammingModel.patterns(p, n, false, Seeds.generator(5)), p, n,
                -0.5);
        Fire.Result minimum = Fire.minimise(landscape, JammingModel.randomStart(n, Seeds.generator(6)), JammingModel.STOP,
                1_000_000, Deadline.none());
        assertTrue(minimum.converged() && minimum.energy() > 0, "H " + minimum.energy());
        double[] w = minimum.w().clone();
        double[] u = JammingModel.randomStart(n, Seeds.generator(8));
        for (int i = 0; i < n; i++) {
            w[i] += 1e-4 * u[i];
        }
        normalise(w);
        double before = projectedGradient(landscape, w);
        double[] d = ContactNewton.step(landscape, w, new double[n]);
        assertNotNull(d);
        assertEquals(0, dot(d, w), 1e-12 * Math.sqrt(dot(d, d) * n));
        for (int i = 0; i < n; i++) {
            w[i] += d[i];
        }
        normalise(w);
        double after = projectedGradient(landscape, w);
        assertTrue(after < 1e-3 * before, "|P∇H| " + before + " -> " + after);
    }

    private static double projectedGradient(SoftConstraints landscape, double[] w) {
        double[] force = new double[w.length];
        landscape.energyAndForce(w, new double[landscape.constraints()], force);
        double c = dot(force, w) / dot(w, w);
        double s = 0;
        for (int i = 0; i < w.length; i++) {
            double t = force[i] - c * w[i];
            s += t * t;
        }
        return Math.sqrt(s);
    }

    private static void normalise(double[] w) {
        double scale = Math.sqrt(w.length / dot(w, w));
        for (int i = 0; i < w.length; i++) {
            w[i] *= scale;
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
