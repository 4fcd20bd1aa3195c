package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.model.ThermalObservables.Reading;
import io.phasesweep.engine.model.ThermalObservables.Slot;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static io.phasesweep.engine.models.ising.IsingRuns.OBSERVABLES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The multi-spin coded checkerboard Metropolis against exact answers, against the scalar chains,
 * and for the independence of its 64 replicas. Tolerances as in {@link IsingExactTest}: 4 of the
 * runs' own binning errors, here of the mean over the 64 replicas (error √(Σ err²)/64).
 */
class MultiSpinChainTest {
    private static final double SIGMAS = 4;
    private static final int[] ALL_LANES = IntStream.range(0, MultiSpinChain.LANES).toArray();

    /** 4×4 in 2D and 2×2×2 in 3D, below, near and above the bulk T_c, against enumeration. */
    @ParameterizedTest(name = "dim={0} L={1} T={2}")
    @CsvSource({"2, 4, 1.5", "2, 4, 2.27", "2, 4, 3.5", "3, 2, 3.0", "3, 2, 4.5", "3, 2, 8.0"})
    void matchesExactEnumeration(int dim, int size, double temperature) {
        double[] exact = ExactIsing.enumerate(new HypercubicLattice(size, dim), 1.0, 0, temperature);
        List<Measurement> lanes = batch(IsingRuns.task(dim, size, temperature, 0, IsingModel.METROPOLIS_MSC, 500, 20_000), 1);
        for (int o = 0; o < OBSERVABLES.length; o++) {
            String name = OBSERVABLES[o];
            double mean = lanes.stream().mapToDouble(m -> m.values().get(name)).average().orElseThrow();
            double error = Math.sqrt(lanes.stream().mapToDouble(m -> Math.pow(m.errors().get(name), 2)).sum()) / lanes.size();
            assertEquals(exact[o], mean, SIGMAS * error, name + " = " + mean + " ± " + error + ", exact " + exact[o]);
        }
    }

    /**
     * The replicas are independent chains, not copies: their 64 means scatter about their mean as
     * their own errors say. χ² over 63 degrees of freedom is 63 ± 11; copies would give 0, shared
     * acceptance bits a fraction of 63. The bounds [0.5, 2] per degree of freedom leave room for the
     * binning errors' own ~15 % noise.
     */
    @ParameterizedTest(name = "dim={0} L={1} T={2}")
    @CsvSource({"2, 8, 2.3", "3, 4, 4.5"})
    void replicasScatterAsTheirErrorsSay(int dim, int size, double temperature) {
        List<Measurement> lanes = batch(IsingRuns.task(dim, size, temperature, 0, IsingModel.METROPOLIS_MSC, 500, 5_000), 2);
        for (String name : List.of("e", "absm")) {
            double mean = lanes.stream().mapToDouble(m -> m.values().get(name)).average().orElseThrow();
            double chi2 = lanes.stream().mapToDouble(m -> Math.pow((m.values().get(name) - mean) / m.errors().get(name), 2)).sum();
            double perDof = chi2 / (lanes.size() - 1);
            assertTrue(perDof > 0.5 && perDof < 2, name + ": chi2/dof of the replicas' means " + perDof);
        }
    }

    /** On 8×8 at T = 2.4 and 4×4×4 at T = 4.5 the replicas' mean agrees with the scalar Metropolis chain. */
    @ParameterizedTest(name = "dim={0} L={1} T={2}")
    @CsvSource({"2, 8, 2.4", "3, 4, 4.5"})
    void agreesWithScalarMetropolis(int dim, int size, double temperature) {
        List<Measurement> lanes = batch(IsingRuns.task(dim, size, temperature, 0, IsingModel.METROPOLIS_MSC, 1000, 5_000), 3);
        Measurement scalar = IsingRuns.run(IsingRuns.task(dim, size, temperature, 0, IsingModel.METROPOLIS, 2000, 200_000));
        for (String name : OBSERVABLES) {
            double mean = lanes.stream().mapToDouble(m -> m.values().get(name)).average().orElseThrow();
            double error = Math.sqrt(lanes.stream().mapToDouble(m -> Math.pow(m.errors().get(name), 2)).sum()) / lanes.size();
            double combined = Math.hypot(error, scalar.errors().get(name));
            assertEquals(scalar.values().get(name), mean, SIGMAS * combined, name);
        }
    }

    /** The per-replica bond sums and magnetizations from the bit-sliced counters equal a recount of each replica's spins. */
    @ParameterizedTest(name = "dim={0} L={1}")
    @CsvSource({"2, 2", "2, 6", "3, 2", "3, 4"})
    void countersMatchRecomputation(int dim, int size) {
        HypercubicLattice lattice = new HypercubicLattice(size, dim);
        MultiSpinChain chain = new MultiSpinChain(lattice, 1.0, 3.0, Seeds.generator(5));
        Slot[] slots = {IsingModel.E, IsingModel.E2, IsingModel.ABSM, IsingModel.M2, IsingModel.M4};
        Reading kept = new Reading(IsingModel.OBSERVABLES);
        for (int step = 0; step < 50; step++) {
            chain.update();
            for (int lane : new int[]{0, 1, 31, 63}) {
                chain.measure(lane, kept);
                double[] recomputed = ExactIsing.observables(lattice, chain.spins(lane), 1.0, 0);
                for (int o = 0; o < slots.length; o++) {
                    assertEquals(recomputed[o], kept.get(slots[o]), 1e-12, OBSERVABLES[o] + " of lane " + lane + " after " + step);
                }
            }
        }
    }

    /**
     * The trajectories are pinned, as the scalar chains' are ({@link ScalarChainTrajectoryTest}): a
     * fingerprint of every lane's spins and counters after 200 sweeps from a fixed seed must not
     * change when the kernel is made faster. Golden values from commit e641cbd (words drawn ahead
     * in blocks, an acceptance method per site).
     */
    @ParameterizedTest(name = "dim={0} L={1} T={2}")
    @CsvSource({"2, 8, 2.3, 41, 16c0c2600c242ba6", "2, 6, 1.8, 42, 69845194512de4b9", "3, 4, 4.5, 43, ae0eb33485d54610",
            "3, 6, 6.0, 44, 8cef25548ea81a11"})
    void trajectoryIsUnchanged(int dim, int size, double temperature, long seed, String golden) {
        MultiSpinChain chain = new MultiSpinChain(new HypercubicLattice(size, dim), 1.0, temperature, Seeds.generator(seed));
        Reading reading = new Reading(IsingModel.OBSERVABLES);
        long fingerprint = 0;
        for (int sweep = 0; sweep < 200; sweep++) {
            chain.update();
            for (int lane = 0; lane < MultiSpinChain.LANES; lane += 21) {
                chain.measure(lane, reading);
                fingerprint = 31 * fingerprint + Double.hashCode(reading.get(IsingModel.E)) + 7L * Double.hashCode(reading.get(IsingModel.M2));
            }
        }
        for (int lane = 0; lane < MultiSpinChain.LANES; lane++) {
            fingerprint = 31 * fingerprint + Arrays.hashCode(chain.spins(lane));
        }
        assertEquals(golden, Long.toHexString(fingerprint), "dim=" + dim + " L=" + size);
    }

    /** A replica's measurement depends on its lane and the batch's streams, not on which other lanes are asked for. */
    @Test
    void aLaneDoesNotDependOnTheOthersAskedFor() {
        Task task = IsingRuns.task(2, 6, 2.3, 0, IsingModel.METROPOLIS_MSC, 100, 500);
        IsingModel model = new IsingModel();
        List<Measurement> three = model.runBatch(task, new int[]{0, 7, 63}, streams(9), Deadline.none());
        List<Measurement> two = model.runBatch(task, new int[]{63, 0}, streams(9), Deadline.none());
        assertEquals(three.get(0).values(), two.get(1).values());
        assertEquals(three.get(2).values(), two.get(0).values());
        assertEquals(three.get(0).values(), model.run(task, streams(9), Deadline.none()).values(), "a single point is lane 0");
    }

    @Test
    void refusesWhatTheCheckerboardCannotSimulate() {
        IsingModel model = new IsingModel();
        assertNull(model.refuses(IsingRuns.task(2, 8, 2.3, 0, IsingModel.METROPOLIS_MSC, 1, 10)));
        assertNotNull(model.refuses(IsingRuns.task(2, 7, 2.3, 0, IsingModel.METROPOLIS_MSC, 1, 10)), "odd L");
        assertNotNull(model.refuses(IsingRuns.task(1, 8, 2.3, 0, IsingModel.METROPOLIS_MSC, 1, 10)), "one dimension");
        assertNotNull(model.refuses(IsingRuns.task(2, 8, 2.3, 0.1, IsingModel.METROPOLIS_MSC, 1, 10)), "a field");
        assertNull(model.refuses(IsingRuns.task(2, 7, 2.3, 0.1, IsingModel.METROPOLIS, 1, 10)), "the scalar chains take all three");
    }

    private static List<Measurement> batch(Task task, long seed) {
        return new IsingModel().runBatch(task, ALL_LANES, streams(seed), Deadline.none());
    }

    private static RandomStreams streams(long seed) {
        return new RandomStreams(Seeds.generator(seed), Seeds.generator(seed + 1000));
    }
}
