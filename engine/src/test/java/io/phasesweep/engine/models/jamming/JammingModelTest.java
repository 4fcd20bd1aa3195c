package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.models.perceptron.PerceptronModel;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JammingModelTest {
    private final JammingModel model = new JammingModel();

    private static Task task(int n, double alpha, double kappa, double maxSteps) {
        return task(n, alpha, kappa, "harmonic", maxSteps);
    }

    private static Task task(int n, double alpha, double kappa, String cost, double maxSteps) {
        return new Task(new ParamValues(Map.of("alpha", alpha, "kappa", kappa, "cost", cost, "width", 1e-3,
                "patterns", "gaussian", "protocol", "descend", "gap_cutoff", 0.1, "force_cutoff", 0.3)), n,
                new Budget(Map.of(JammingModel.MAX_STEPS, maxSteps)));
    }

    /** Fresh streams of one sample: both models draw their patterns from the same disorder stream. */
    private static RandomStreams streams(int n, int replica) {
        return new RandomStreams(Seeds.generator(Seeds.disorder(7, n, replica)),
                Seeds.generator(Seeds.dynamics(7, n + "|" + replica)));
    }

    private Measurement run(int n, double alpha, double kappa, int replica) {
        return run(n, alpha, kappa, "harmonic", replica);
    }

    private Measurement run(int n, double alpha, double kappa, String cost, int replica) {
        return model.run(task(n, alpha, kappa, cost, 1e6), streams(n, replica), Deadline.none());
    }

    /**
     * At κ ≥ 0 the set of solutions is convex (the convex regime of Franz &amp; Parisi 2016), so the
     * descent should find a solution whenever there is one: on every sample the minimiser's `sat` is
     * the exact max-margin solver's. Loads around α_c (2 at κ = 0, 0.9612 at κ = 0.5) so that both
     * answers occur, one of each κ between whole pattern counts (αN = 38.6 and 19.4): both models
     * take P's dither from the same draw.
     */
    @Test
    void satIsThePerceptronsAtNonNegativeKappa() {
        for (String cost : List.of("harmonic", "linear")) {
            agreesWithThePerceptron(cost);
        }
    }

    private void agreesWithThePerceptron(String cost) {
        PerceptronModel exact = new PerceptronModel();
        int n = 20;
        Map<Double, double[]> loads = Map.of(0.0, new double[] {1.7, 1.93, 2.0, 2.3}, 0.5, new double[] {0.8, 0.95, 0.97, 1.1});
        for (Map.Entry<Double, double[]> kappa : loads.entrySet()) {
            int[] answers = new int[2];
            for (double alpha : kappa.getValue()) {
                for (int r = 0; r < 40; r++) {
                    double expected = exact.run(new Task(new ParamValues(Map.of("alpha", alpha, "kappa", kappa.getKey(),
                            "patterns", "gaussian")), n, new Budget(Map.of())), streams(n, r), Deadline.none())
                            .values().get("sat");
                    double sat = run(n, alpha, kappa.getKey(), cost, r).values().get("sat");
                    assertEquals(expected, sat, cost + " κ=" + kappa.getKey() + " α=" + alpha + " replica " + r);
                    answers[(int) sat]++;
                }
            }
            assertTrue(answers[0] > 10 && answers[1] > 10, "κ=" + kappa.getKey() + ": " + answers[0] + " unsat, "
                    + answers[1] + " sat");
        }
    }

    /** Far below and far above the jamming point of κ = −0.5 (α_J ≈ 4.5 at these sizes), for both costs. */
    @Test
    void satAtSmallLoadUnsatAtLargeLoad() {
        for (String cost : List.of("harmonic", "linear")) {
            for (int r = 0; r < 10; r++) {
                assertEquals(1.0, run(40, 2.0, -0.5, cost, r).values().get("sat"), cost);
                Measurement jammed = run(40, 7.0, -0.5, cost, r);
                assertEquals(0.0, jammed.values().get("sat"), cost);
                assertTrue(jammed.values().get("energy") > 1e-4, cost + " energy " + jammed.values().get("energy"));
            }
        }
    }

    /**
     * A minimum of positive energy has at least N overlapping constraints: their forces balance on
     * the (N − 1)-dimensional tangent plane, Σ f_μ P_⊥a_μ = 0 with every f_μ &gt; 0, and N − 1 or
     * fewer vectors in general position admit no such combination (w in the span of N − 1 rows,
     * which would, is a non-generic point).
     */
    @Test
    void everyJammedMinimumHasAtLeastNContacts() {
        int n = 40;
        for (double alpha : new double[] {5.0, 6.0, 8.0}) {
            for (int r = 0; r < 8; r++) {
                Measurement m = run(n, alpha, -0.5, r);
                if (m.values().get("sat") == 0) {
                    assertTrue(m.values().get("contacts") >= 1.0, "α=" + alpha + " contacts/N " + m.values().get("contacts"));
                }
            }
        }
    }

    /**
     * Isostaticity: at the jamming point the minimum has exactly N contacts, one more than the
     * N − 1 degrees of freedom on the sphere (as N_c = N_dof + 1 for soft spheres at jamming). The
     * protocol `jam` brings each sample there: from a minimum of positive energy at κ = 0 (α = 6,
     * UNSAT by Cover's α_c = 2) by decompression, and from a solution at κ = −1 (α = 3, far below
     * its α_J) by compression first.
     */
    @Test
    void jammedMinimumIsIsostatic() {
        for (int n : new int[] {16, 24, 32}) {
            for (int r = 0; r < 3; r++) {
                isostatic(n, 6.0, 0.0, r, true);
                isostatic(n, 3.0, -1.0, r, false);
            }
        }
    }

    private void isostatic(int n, double alpha, double kappa, int replica, boolean decompressed) {
        Map<String, Double> jammed = model.run(jam(n, alpha, kappa), streams(n, replica), Deadline.none()).values();
        String what = "N=" + n + " α=" + alpha + " sample " + replica + ": ";
        assertTrue(jammed.get("energy") > 0 && jammed.get("energy") < Decompression.JAMMED, what + "H/P " + jammed.get("energy"));
        assertEquals(1.0, jammed.get("contacts"), what + "contacts/N");
        assertEquals(decompressed, jammed.get("kappa_end") < kappa, what + "κ_J " + jammed.get("kappa_end"));
    }

    private static Task jam(int n, double alpha, double kappa) {
        return new Task(new ParamValues(Map.of("alpha", alpha, "kappa", kappa, "cost", "harmonic", "width", 1e-3,
                "patterns", "gaussian", "protocol", "jam", "gap_cutoff", 0.1, "force_cutoff", 0.3)), n,
                new Budget(Map.of(JammingModel.MAX_STEPS, 1e7)));
    }

    /**
     * The force is −∇H: central differences of H along random directions (H is C¹ for both costs,
     * piecewise quadratic or linear).
     */
    @Test
    void forceIsMinusTheGradient() {
        int n = 30;
        int p = 90;
        double[] rows = JammingModel.patterns(p, n, false, Seeds.generator(3));
        for (SoftConstraints h : List.of(SoftConstraints.harmonic(rows, p, n, -0.3), SoftConstraints.linear(rows, p, n, -0.3, 0.05))) {
            checkForce(h, n, p);
        }
    }

    private static void checkForce(SoftConstraints h, int n, int p) {
        var random = Seeds.generator(4);
        double[] w = JammingModel.randomStart(n, random);
        double[] force = new double[n];
        double[] stabilities = new double[p];
        h.energyAndForce(w, stabilities, force);
        for (int t = 0; t < 5; t++) {
            double[] u = JammingModel.randomStart(n, random);
            double eps = 1e-6;
            double[] plus = w.clone();
            double[] minus = w.clone();
            double directional = 0;
            for (int i = 0; i < n; i++) {
                plus[i] += eps * u[i];
                minus[i] -= eps * u[i];
                directional -= force[i] * u[i];
            }
            double numeric = (h.energyAndForce(plus, stabilities, new double[n]).energy()
                    - h.energyAndForce(minus, stabilities, new double[n]).energy()) / (2 * eps);
            assertEquals(directional, numeric, 1e-6 * Math.max(1, Math.abs(directional)));
        }
    }

    /** The step guard is a failure, never a measurement. */
    @Test
    void anUnconvergedDescentFailsThePoint() {
        assertThrows(IllegalStateException.class,
                () -> model.run(task(40, 7.0, -0.5, 3), streams(40, 0), Deadline.none()));
    }
}
