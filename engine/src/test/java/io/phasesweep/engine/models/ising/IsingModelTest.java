package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.Task;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.phasesweep.engine.models.ising.IsingRuns.OBSERVABLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ising model as a plug-in: what it declares, its derived formulas, cost and reproducibility. */
class IsingModelTest {
    private final IsingModel model = new IsingModel();

    @Test
    void isRegistered() {
        assertInstanceOf(IsingModel.class, ModelRegistry.load().find("ising"));
    }

    @Test
    void declaresParamsObservablesAndBudget() {
        assertEquals(List.of("dim", "J", "h", "algorithm", "T"), model.params().stream().map(ParamSpec::name).toList());
        ParamSpec temperature = model.params().get(4);
        assertNull(temperature.defaultValue(), "T has no default: a sweep must give it");
        assertNotNull(temperature.check(0.0), "T = 0 is rejected");
        assertNull(temperature.check(1e-3));
        assertNotNull(model.params().get(0).check(4.0), "dim 4 is rejected");
        assertNotNull(model.params().get(3).check("heatbath"));
        assertEquals(List.of(OBSERVABLES), model.observables().stream().map(o -> o.name()).toList());
        assertTrue(model.observables().stream().allMatch(o -> o.thermal()));
        assertEquals(List.of("thermalize", "measure"), model.budget().stream().map(b -> b.name()).toList());
        assertEquals(1000, model.budget().get(0).defaultValue());
        assertEquals(10000, model.budget().get(1).defaultValue());
    }

    @Test
    void costIsSpinsTimesUpdates() {
        assertEquals(16 * 16 * 16 * 1100.0, model.cost(IsingRuns.task(3, 16, 4.5, 0, "wolff", 100, 1000)));
    }

    /** Known numbers: a saturated magnet, a Gaussian distribution of m, and hand-computed fluctuations. */
    @Test
    void derivedFormulas() {
        ParamValues params = IsingRuns.task(2, 4, 2.0, 0, "wolff", 0, 32).params();
        assertEquals(2.0 / 3, derived("binder").evaluate(new double[] {1.0, 1.0}, params, 4), 1e-15);
        assertEquals(0.0, derived("binder").evaluate(new double[] {3 * 0.04, 0.2}, params, 4), 1e-15);
        // chi = 16 · (0.5 − 0.6²) / 2 = 1.12
        assertEquals(1.12, derived("chi").evaluate(new double[] {0.5, 0.6}, params, 4), 1e-12);
        // c = 16 · (2.0 − 1.3²) / 2² = 1.24
        assertEquals(1.24, derived("c").evaluate(new double[] {2.0, -1.3}, params, 4), 1e-12);
        ParamValues cube = IsingRuns.task(3, 5, 4.0, 0, "wolff", 0, 32).params();
        assertEquals(125 * (0.5 - 0.36) / 4, derived("chi").evaluate(new double[] {0.5, 0.6}, cube, 5), 1e-12);
    }

    /**
     * The fluctuation formula for c on exact 4×4 moments equals the temperature derivative of the
     * exact energy per spin (central difference with step 1e-4: agreement to 1e-6).
     */
    @Test
    void specificHeatIsTheEnergyDerivative() {
        HypercubicLattice lattice = new HypercubicLattice(4, 2);
        double t = 2.27;
        double d = 1e-4;
        double[] exact = ExactIsing.enumerate(lattice, 1.0, 0.1, t);
        double slope = (ExactIsing.enumerate(lattice, 1.0, 0.1, t + d)[0]
                - ExactIsing.enumerate(lattice, 1.0, 0.1, t - d)[0]) / (2 * d);
        ParamValues params = IsingRuns.task(2, 4, t, 0.1, "wolff", 0, 32).params();
        assertEquals(slope, derived("c").evaluate(new double[] {exact[1], exact[0]}, params, 4), 1e-6);
    }

    @Test
    void sameSeedSameMeasurement() {
        Task task = IsingRuns.task(2, 6, 2.3, 0, "wolff", 100, 1000);
        Measurement first = IsingRuns.run(task);
        assertEquals(first, IsingRuns.run(task));
        for (String o : OBSERVABLES) {
            assertTrue(first.errors().get(o) > 0 && first.taus().get(o) > 0, o);
        }
    }

    private DerivedObservable derived(String name) {
        return model.derived().stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow();
    }
}
