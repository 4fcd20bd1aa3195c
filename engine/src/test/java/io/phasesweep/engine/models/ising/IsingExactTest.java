package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ThermalObservables.Reading;
import io.phasesweep.engine.model.ThermalObservables.Slot;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static io.phasesweep.engine.models.ising.IsingRuns.OBSERVABLES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The simulation against exact answers. Monte Carlo means must lie within {@link #SIGMAS} of the
 * run's own binning errors of the exact value: with ~100 such comparisons at fixed seeds, 4σ
 * leaves room for the expected few 2–3σ deviations and the ~15 % noise of the error estimates,
 * while a wrong acceptance rule or a bookkeeping slip (biases of many σ at these run lengths)
 * fails.
 */
class IsingExactTest {
    private static final double SIGMAS = 4;

    /** 3×3 and 4×4 in 2D (T_c ≈ 2.27) and 2×2×2 in 3D (T_c ≈ 4.51 in the bulk), with and without a field. */
    @ParameterizedTest(name = "dim={0} L={1} T={2} h={3} {4}")
    @CsvSource({
            "2, 3, 1.5, 0, wolff", "2, 3, 2.27, 0, wolff", "2, 3, 3.5, 0, wolff",
            "2, 3, 1.5, 0, metropolis", "2, 3, 2.27, 0, metropolis", "2, 3, 3.5, 0, metropolis",
            "2, 4, 1.5, 0, wolff", "2, 4, 2.27, 0, wolff", "2, 4, 3.5, 0, wolff", "2, 4, 2.27, 0.3, wolff",
            "2, 4, 1.5, 0, metropolis", "2, 4, 2.27, 0, metropolis", "2, 4, 3.5, 0, metropolis",
            "2, 4, 2.27, 0.3, metropolis", "2, 4, 2.0, -0.2, wolff",
            "3, 2, 3.0, 0, wolff", "3, 2, 4.5, 0, wolff", "3, 2, 8.0, 0, wolff", "3, 2, 4.5, 0.5, wolff",
            "3, 2, 3.0, 0, metropolis", "3, 2, 4.5, 0, metropolis", "3, 2, 8.0, 0, metropolis",
            "3, 2, 4.5, 0.5, metropolis",
            "2, 4, 1.5, 0, metropolis-checkerboard", "2, 4, 2.27, 0, metropolis-checkerboard",
            "2, 4, 3.5, 0, metropolis-checkerboard", "2, 4, 2.27, 0.3, metropolis-checkerboard",
            "3, 2, 4.5, 0, metropolis-checkerboard", "3, 2, 4.5, 0.5, metropolis-checkerboard",
    })
    void matchesExactEnumeration(int dim, int size, double temperature, double field, String algorithm) {
        double[] exact = ExactIsing.enumerate(new HypercubicLattice(size, dim), 1.0, field, temperature);
        Measurement m = IsingRuns.run(IsingRuns.task(dim, size, temperature, field, algorithm, 1000, 100_000));
        for (int o = 0; o < OBSERVABLES.length; o++) {
            assertWithinErrors(exact[o], m, OBSERVABLES[o]);
        }
    }

    /** The periodic chain of 32 spins (correlation length 3.7 at T = 1) against its transfer matrix. */
    @ParameterizedTest(name = "T={0} h={1} {2}")
    @CsvSource({"1.0, 0, wolff", "1.0, 0.3, wolff", "1.0, 0, metropolis", "1.0, 0.3, metropolis",
            "2.5, -0.5, metropolis"})
    void chainMatchesTransferMatrix(double temperature, double field, String algorithm) {
        double[] exact = ExactIsing.chain(32, 1.0, field, temperature);
        Measurement m = IsingRuns.run(IsingRuns.task(1, 32, temperature, field, algorithm, 1000, 100_000));
        assertWithinErrors(exact[0], m, "e");
        assertWithinErrors(exact[1], m, "e2");
        assertWithinErrors(exact[2], m, "m2");
    }

    /** The transfer-matrix formulas themselves, against enumeration of a 12-spin ring (to 1e-7). */
    @Test
    void transferMatrixMatchesEnumeration() {
        for (double field : new double[] {0, 0.4}) {
            double[] tm = ExactIsing.chain(12, 1.0, field, 1.3);
            double[] all = ExactIsing.enumerate(new HypercubicLattice(12, 1), 1.0, field, 1.3);
            assertEquals(all[0], tm[0], 1e-7);
            assertEquals(all[1], tm[1], 1e-7);
            assertEquals(all[3], tm[2], 1e-7);
        }
    }

    /** Wolff and the Metropolis algorithms on 8×8, beyond enumeration: the means agree within 4 combined errors. */
    @ParameterizedTest(name = "T={0} h={1} {2}")
    @CsvSource({"2.4, 0, metropolis", "2.1, 0.1, metropolis",
            "2.4, 0, metropolis-checkerboard", "2.1, 0.1, metropolis-checkerboard"})
    void wolffAndMetropolisAgree(double temperature, double field, String algorithm) {
        Measurement wolff = IsingRuns.run(IsingRuns.task(2, 8, temperature, field, "wolff", 2000, 200_000));
        Measurement metropolis = IsingRuns.run(IsingRuns.task(2, 8, temperature, field, algorithm, 2000, 100_000));
        for (String o : OBSERVABLES) {
            double combined = Math.hypot(wolff.errors().get(o), metropolis.errors().get(o));
            assertEquals(metropolis.values().get(o), wolff.values().get(o), SIGMAS * combined, o);
        }
    }

    /** The bond sum and magnetization kept by the updates equal those recomputed from the spins. */
    @ParameterizedTest
    @CsvSource({"1, 7", "2, 2", "2, 5", "2, 6", "3, 3", "3, 4"})
    void bookkeepingMatchesRecomputation(int dim, int size) {
        HypercubicLattice lattice = new HypercubicLattice(size, dim);
        RandomGenerator random = Seeds.generator(5);
        List<IsingChain> chains = new ArrayList<>(List.of(
                new WolffChain(lattice, 1.0, 0.2, 2.5, random),
                new MetropolisChain(lattice, 1.0, 0.2, 2.5, random)));
        if (HypercubicLattice.checkerboardProblem(size, dim) == null) {
            chains.add(new CheckerboardMetropolisChain(lattice, 1.0, 0.2, 2.5, random));
        }
        Slot[] slots = {IsingModel.E, IsingModel.E2, IsingModel.ABSM, IsingModel.M2, IsingModel.M4};
        Reading kept = new Reading(IsingModel.OBSERVABLES);
        for (IsingChain chain : chains) {
            for (int step = 0; step < 500; step++) {
                chain.update();
                chain.measure(kept);
                double[] recomputed = ExactIsing.observables(lattice, chain.spins(), 1.0, 0.2);
                for (int o = 0; o < 5; o++) {
                    assertEquals(recomputed[o], kept.get(slots[o]), 1e-12, OBSERVABLES[o] + " after " + step + " updates");
                }
            }
        }
    }

    private static void assertWithinErrors(double exact, Measurement m, String observable) {
        double value = m.values().get(observable);
        double error = m.errors().get(observable);
        assertEquals(exact, value, SIGMAS * error,
                observable + " = " + value + " ± " + error + " (tau " + m.taus().get(observable) + "), exact " + exact);
    }
}
