package io.phasesweep.engine.models.sk;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SherringtonKirkpatrickModelTest {
    private static final long SEED = 11;
    private final SherringtonKirkpatrickModel model = new SherringtonKirkpatrickModel();

    private static List<Task> ladder(int n, double[] temperatures, double thermalize, double measure) {
        List<Task> tasks = new ArrayList<>();
        for (double t : temperatures) {
            tasks.add(new Task(new ParamValues(Map.of("T", t)), n,
                    new Budget(Map.of("thermalize", thermalize, "measure", measure))));
        }
        return tasks;
    }

    /** Runs the ladder with the streams of replica {@code replica} of its size. */
    private List<Measurement> run(List<Task> ladder, int replica) {
        int n = ladder.get(0).size();
        return model.runAxis(ladder, new RandomStreams(Seeds.generator(Seeds.disorder(SEED, n, replica)),
                Seeds.generator(Seeds.dynamics(SEED, "N=" + n + "|r=" + replica))), Deadline.none());
    }

    @Test
    void parallelTemperingReproducesExactEnumeration() {
        int n = 10;
        double[] temperatures = {0.3, 0.5, 0.8, 1.2, 2.0};
        List<Measurement> measured = run(ladder(n, temperatures, 2000, 40000), 0);
        ExactEnumeration exact = new ExactEnumeration(Couplings.draw(n, Seeds.generator(Seeds.disorder(SEED, n, 0))));
        for (int k = 0; k < temperatures.length; k++) {
            double t = temperatures[k];
            Measurement m = measured.get(k);
            // Each comparison within 4 binning error bars (32 bins of 1250 rounds ≫ τ here).
            assertWithin(exact.energyPerSpin(t), m, "e", t);
            assertWithin(exact.overlapMoment(t, 2), m, "q2", t);
            assertWithin(exact.overlapMoment(t, 4), m, "q4", t);
            // Swap acceptance in equilibrium: E[min(1, exp(Δβ ΔE))] over the two Boltzmann laws;
            // a wrong acceptance rule or a swap that breaks detailed balance shifts this and e, q.
            double upper = k + 1 < temperatures.length ? temperatures[k + 1] : temperatures[k - 1];
            assertWithin(exact.swapAcceptance(Math.min(t, upper), Math.max(t, upper)), m, "swap_rate", t);
        }
    }

    private static void assertWithin(double expected, Measurement m, String name, double t) {
        double value = m.values().get(name);
        double error = m.errors().get(name);
        assertTrue(error > 0, name + " at T=" + t + " has no error bar");
        assertEquals(expected, value, 4 * error, name + " at T=" + t + ": " + value + " ± " + error);
    }

    @Test
    void aRunIsDeterministicGivenItsStreams() {
        double[] temperatures = {0.6, 1.0, 1.4};
        List<Measurement> first = run(ladder(16, temperatures, 10, 200), 1);
        List<Measurement> second = run(ladder(16, temperatures, 10, 200), 1);
        assertEquals(first, second);
    }

    @Test
    void isRegisteredUnderItsId() {
        assertInstanceOf(SherringtonKirkpatrickModel.class, ModelRegistry.load().find("sk"));
    }
}
