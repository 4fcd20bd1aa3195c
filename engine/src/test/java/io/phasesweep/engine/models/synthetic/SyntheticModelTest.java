package io.phasesweep.engine.models.synthetic;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyntheticModelTest {
    private static final long SWEEP_SEED = 5;
    private final SyntheticModel model = new SyntheticModel();

    /** The model's defaults, with {@code changes} (e.g. "T", 2.3) applied. */
    private Task task(int size, Object... changes) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (ParamSpec s : model.params()) {
            p.put(s.name(), s.defaultValue());
        }
        for (int i = 0; i < changes.length; i += 2) {
            p.put((String) changes[i], changes[i + 1]);
        }
        return new Task(new ParamValues(p), size, new Budget(Map.of()));
    }

    /** One replica's values along a ladder of T, as a sweep draws them: disorder seeded by (size, replica). */
    private List<Map<String, Double>> ladder(int replica, Task... tasks) {
        RandomStreams streams = new RandomStreams(Seeds.generator(Seeds.disorder(SWEEP_SEED, tasks[0].size(), replica)),
                Seeds.generator(Seeds.dynamics(SWEEP_SEED, "ladder|r=" + replica)));
        return model.runAxis(List.of(tasks), streams, Deadline.none()).stream().map(Measurement::values).toList();
    }

    private Map<String, Double> run(Task task) {
        return ladder(0, task).get(0);
    }

    @Test
    void isRegisteredAndRequiresTheControl() {
        assertInstanceOf(SyntheticModel.class, ModelRegistry.load().find("synthetic"));
        assertNull(model.params().get(0).defaultValue(), "T has no default");
    }

    @Test
    void noiselessValuesAtTheCriticalPointAreTheExactOnes() {
        // u = 1/3 + a_u·L^−ω, absm = 0.55·L^(−β/ν)·(1 + a_m·L^−ω) at x_c; chi at its peak L^(γ/ν)(1 + a_χ·L^−ω)
        for (int size : new int[]{8, 64}) {
            Task atXc = task(size, "T", 2.27, "noise", 0.0, "u_correction", 0.3, "chi_correction", -1.0,
                    "absm_correction", 0.5, "omega", 0.8);
            Map<String, Double> v = run(atXc);
            double correction = Math.pow(size, -0.8);
            assertEquals(1.0 / 3 + 0.3 * correction, v.get("u"), 1e-14);
            assertEquals(0.55 * Math.pow(size, -0.125) * (1 + 0.5 * correction), v.get("absm"), 1e-14);
            ScalingForms forms = SyntheticModel.forms(atXc.params());
            double peak = forms.chiPeakLocation(size);
            assertEquals(2.27 + 0.5 / size, peak, 1e-15);
            double height = run(task(size, "T", peak, "noise", 0.0, "chi_correction", -1.0, "omega", 0.8)).get("chi");
            assertEquals(Math.pow(size, 1.75) * (1 - correction), height, 1e-12 * height);
            assertEquals(forms.chiPeakHeight(size), height, 1e-12 * height);
            for (double dx : new double[]{-1e-3, 1e-3}) {
                double beside = run(task(size, "T", peak + dx, "noise", 0.0, "chi_correction", -1.0, "omega", 0.8))
                        .get("chi");
                assertTrue(beside < height, "chi is highest at its peak location");
            }
        }
    }

    @Test
    void chiPeakGrowsAsLToTheGammaOverNu() {
        // without a correction the peak heights of sizes L and 2L have the ratio 2^(γ/ν) exactly
        double gammaNu = 1.96;
        double previous = Double.NaN;
        for (int size = 8; size <= 128; size *= 2) {
            Task task = task(size, "noise", 0.0, "gamma_nu", gammaNu, "nu", 0.63, "x_c", 0.0);
            double peak = SyntheticModel.forms(task.params()).chiPeakLocation(size);
            double height = run(new Task(task.params().with("T", peak), size, task.budget())).get("chi");
            if (!Double.isNaN(previous)) {
                assertEquals(gammaNu, Math.log(height / previous) / Math.log(2), 1e-12);
            }
            previous = height;
        }
    }

    @Test
    void pairCrossingsOfUMoveAsTheDocumentedLeadingOrder() {
        // u(L₁) = u(L₂) at x_c + 3·a_u·(L₂^−ω − L₁^−ω)/(L₂^(1/ν) − L₁^(1/ν)) up to O(z²) with z ≈ 0.03 here
        double au = 0.5;
        int[][] pairs = {{16, 32}, {32, 64}, {64, 128}};
        for (int[] pair : pairs) {
            double lo = 2.2;
            double hi = 2.27;
            for (int i = 0; i < 200; i++) {
                double mid = (lo + hi) / 2;
                double d = u(pair[0], mid, au) - u(pair[1], mid, au);
                if (d > 0) {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            double shift = 3 * au * (1.0 / pair[1] - 1.0 / pair[0]) / (pair[1] - pair[0]);
            assertEquals(shift, lo - 2.27, 0.01 * Math.abs(shift), "pair " + pair[0] + ", " + pair[1]);
        }
    }

    private double u(int size, double t, double au) {
        return run(task(size, "T", t, "noise", 0.0, "u_correction", au)).get("u");
    }

    @Test
    void sameStreamsSameValuesAndTheDisorderPartIsSharedAlongT() {
        Task a = task(16, "T", 2.25);
        Task b = task(16, "T", 2.30);
        assertEquals(ladder(3, a, b), ladder(3, a, b));
        assertNotEquals(ladder(3, a, b), ladder(4, a, b));
        // residuals at two temperatures of one (size, replica) share 0.6 of the noise: covariance 0.36·noise²
        double truthA = SyntheticModel.forms(a.params()).truth(2.25, 16)[ScalingForms.U];
        double truthB = SyntheticModel.forms(b.params()).truth(2.30, 16)[ScalingForms.U];
        int replicas = 4000;
        double cov = 0;
        double var = 0;
        for (int r = 0; r < replicas; r++) {
            List<Map<String, Double>> rows = ladder(r, a, b);
            double ra = rows.get(0).get("u") - truthA;
            double rb = rows.get(1).get("u") - truthB;
            cov += ra * rb;
            var += ra * ra;
        }
        double noise2 = 0.05 * 0.05;
        // standard errors over 4000 replicas: √((1 + 0.36²)/4000) ≈ 0.017 for the correlation, √(2/4000) ≈ 0.022
        // for the variance; 4 of them each way
        assertEquals(0.36, cov / replicas / noise2, 4 * 0.017);
        assertEquals(1.0, var / replicas / noise2, 4 * 0.022);
    }
}
