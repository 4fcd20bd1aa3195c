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
                1_000_000, Deadline.none(), true);
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

    /**
     * Newton's steps speed the descents up; they must not bias the jamming point. The decompression
     * protocol with and without them, from the same patterns and start (N = 24-32, α = 6, κ = 0:
     * UNSAT, decompressed to κ_J &lt; 0): below κ = 0 the landscape is not convex, and two descent
     * paths may end in neighbouring minima whose jamming points differ slightly (one of these six
     * samples by 1.8e-5; the other five agree to 1e-15). A difference of 1e-3 would still be 30
     * times smaller than the spread of κ_J between samples (0.035 here), so a per-sample bound of
     * 1e-3 keeps any bias far below the error of a sample mean, and the steps must at least halve the
     * work (they cut it 5-20 fold here).
     */
    @Test
    void newtonStepsDoNotMoveTheJammingPoint() {
        long stepsWith = 0;
        long stepsWithout = 0;
        for (int n : new int[] {24, 32}) {
            for (int sample = 0; sample < 3; sample++) {
                int p = 6 * n;
                double[] rows = JammingModel.patterns(p, n, false, Seeds.generator(100 + sample));
                double[] start = JammingModel.randomStart(n, Seeds.generator(200 + sample));
                Decompression.Jammed with = Decompression.jam(k -> SoftConstraints.harmonic(rows, p, n, k), 0, start,
                        JammingModel.STOP, 10_000_000, Deadline.none(), true);
                Decompression.Jammed without = Decompression.jam(k -> SoftConstraints.harmonic(rows, p, n, k), 0, start,
                        JammingModel.STOP, 10_000_000, Deadline.none(), false);
                assertTrue(with.kappa() < 0, "κ_J " + with.kappa());
                assertEquals(without.kappa(), with.kappa(), 1e-3, "N=" + n + " sample " + sample);
                stepsWith += with.steps();
                stepsWithout += without.steps();
            }
        }
        assertTrue(2 * stepsWith < stepsWithout, "steps with Newton " + stepsWith + ", without " + stepsWithout);
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
