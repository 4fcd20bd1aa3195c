package io.phasesweep.engine.models.hopfield;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HopfieldTest {

    /** The energy computed from the overlaps can only go down (or stay) under T = 0 flips. */
    @Test
    void zeroTemperatureDynamicsNeverRaisesTheEnergy() {
        HopfieldNetwork net = HopfieldNetwork.random(400, 64, Seeds.generator(1));
        randomise(net, 2);
        HopfieldDynamics dynamics = new HopfieldDynamics(net, Seeds.generator(3));
        double energy = net.energyTimesN();
        for (int sweep = 0; sweep < 50; sweep++) {
            int flips = dynamics.sweepZeroTemperature();
            double next = net.energyTimesN();
            assertTrue(next <= energy, "sweep " + sweep + ": N·E went from " + energy + " to " + next);
            assertTrue(flips == 0 || next < energy, "flips strictly lower the energy");
            energy = next;
            if (flips == 0) {
                return;
            }
        }
    }

    /**
     * After relaxation no spin disagrees with its field, the field being recomputed from the
     * explicit couplings J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ (exact integers after multiplying by N).
     */
    @Test
    void relaxedStateIsAFixedPointOfTheExplicitCouplings() {
        HopfieldNetwork net = HopfieldNetwork.random(300, 48, // α = 0.16
                Seeds.generator(5));
        HopfieldDynamics dynamics = new HopfieldDynamics(net, Seeds.generator(6));
        int sweeps = 0;
        while (dynamics.sweepZeroTemperature() != 0) {
            sweeps++;
            assertTrue(sweeps < 1000, "no fixed point after 1000 sweeps");
        }
        for (int i = 0; i < net.size(); i++) {
            long field = 0;
            for (int j = 0; j < net.size(); j++) {
                if (j != i) {
                    long nJ = 0;
                    for (int mu = 0; mu < net.patterns(); mu++) {
                        nJ += net.pattern(mu, i) * net.pattern(mu, j);
                    }
                    field += nJ * net.spin(j);
                }
            }
            assertEquals(field, net.fieldTimesN(i), "field at " + i);
            assertTrue(net.spin(i) * field >= 0, "spin " + i + " wants to flip");
        }
    }

    /** Overlaps kept by O(P) updates equal overlaps recomputed from the spins, exactly. */
    @Test
    void incrementalOverlapsMatchRecomputation() {
        HopfieldNetwork net = HopfieldNetwork.random(200, 30, Seeds.generator(7));
        HopfieldDynamics dynamics = new HopfieldDynamics(net, Seeds.generator(8));
        for (int s = 0; s < 20; s++) {
            dynamics.sweepGlauber(0.7);
        }
        long[] kept = new long[net.patterns()];
        for (int mu = 0; mu < kept.length; mu++) {
            kept[mu] = net.overlap(mu);
        }
        net.recomputeOverlaps();
        for (int mu = 0; mu < kept.length; mu++) {
            assertEquals(net.overlap(mu), kept[mu], "overlap " + mu);
        }
    }

    /**
     * At α = 0.05 and T = 0 the retrieval state has m = 1 − O(0.1%) (AGS 1985: fraction of
     * wrong spins ≈ 1e-4 at α = 0.05); m > 0.99 leaves ample room for N = 1000 fluctuations,
     * while a failure to retrieve gives m far below.
     */
    @Test
    void smallLoadRetrievesThePattern() {
        Measurement m = new HopfieldModel().run(task(1000, 0.05, 0.0), streams(9), Deadline.none());
        assertTrue(m.values().get("m") > 0.99, "m = " + m.values().get("m"));
        assertEquals(1.0, m.values().get("retrieved"));
        assertEquals(1.0, m.values().get("fixed"));
    }

    /**
     * Far above α_c (α = 0.4) the state wanders away from the pattern: at T = 0 the final overlap
     * is that of a spin-glass state, m ≈ 0.3 or less at N = 1000, well below 0.9.
     */
    @Test
    void largeLoadLosesThePattern() {
        Measurement m = new HopfieldModel().run(task(1000, 0.4, 0.0), streams(10), Deadline.none());
        assertTrue(m.values().get("m") < 0.6, "m = " + m.values().get("m"));
        assertEquals(0.0, m.values().get("retrieved"));
    }

    /**
     * Glauber dynamics at α = 0.05: at T = 0.2 the retrieval state is stable with m ≈ 1 − 2e^(−2/T)
     * (mean-field, up to crosstalk noise), asserted m > 0.95; at T = 3 the network is paramagnetic
     * and ⟨m²⟩ ≈ 1/(N(1 − 1/T)) = 0.0015 at N = 1000, asserted below 0.02 (over ten times that).
     */
    @Test
    void glauberRetrievesAtLowTemperatureAndMeltsAtHigh() {
        HopfieldModel model = new HopfieldModel();
        Measurement cold = model.run(task(1000, 0.05, 0.2), streams(12), Deadline.none());
        assertTrue(cold.values().get("m") > 0.95, "T=0.2: m = " + cold.values().get("m"));
        Measurement hot = model.run(task(1000, 0.05, 3.0), streams(13), Deadline.none());
        assertTrue(hot.values().get("m2") < 0.02, "T=3: m2 = " + hot.values().get("m2"));
        assertEquals(0.0, hot.values().get("retrieved"));
    }

    /**
     * At T &gt; 0 the overlap moments are time averages from the engine's Monte Carlo loop, each with
     * an error of the mean and a finite autocorrelation time; at T = 0 they are final values, without.
     */
    @Test
    void glauberOverlapsCarryErrorsAndTausZeroTemperatureOnesDoNot() {
        HopfieldModel model = new HopfieldModel();
        Measurement hot = model.run(task(500, 0.05, 3.0), streams(14), Deadline.none());
        for (String o : new String[]{"m", "m2", "m4"}) {
            assertTrue(hot.errors().get(o) > 0, o + "_err = " + hot.errors().get(o));
            assertTrue(Double.isFinite(hot.taus().get(o)) && hot.taus().get(o) > 0, o + "_tau = " + hot.taus().get(o));
        }
        assertEquals(200.0, hot.values().get("sweeps_run"));
        Measurement cold = model.run(task(500, 0.05, 0.0), streams(15), Deadline.none());
        assertTrue(cold.errors().isEmpty() && cold.taus().isEmpty(), cold.toString());
    }

    private static void randomise(HopfieldNetwork net, long seed) {
        var rng = Seeds.generator(seed);
        for (int i = 0; i < net.size(); i++) {
            if (rng.nextBoolean()) {
                net.flip(i);
            }
        }
    }

    private static Task task(int n, double alpha, double temperature) {
        return new Task(new ParamValues(Map.of("alpha", alpha, "T", temperature, "threshold", 0.9)), n,
                new Budget(Map.of("sweeps", 100.0, "thermalize", 100.0, "measure", 100.0)));
    }

    private static RandomStreams streams(long seed) {
        return new RandomStreams(Seeds.generator(seed), Seeds.generator(seed + 1));
    }
}
