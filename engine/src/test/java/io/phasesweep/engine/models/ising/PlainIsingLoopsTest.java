package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's plain-Java reference loops ({@link PlainIsingLoops}) run the chains' algorithms:
 * the single-spin loops follow the chains' trajectories exactly from the same generator (L = 24
 * takes the bounded site draw's rejecting path), and the Wolff loop's kept sums are those of its
 * spins and its averages the exact ones.
 */
class PlainIsingLoopsTest {
    private static final int UPDATES = 100;

    @ParameterizedTest(name = "{0} L={1} T={2}")
    @CsvSource({"metropolis, 16, 2.269, 1", "metropolis, 24, 1.8, 2", "metropolis, 8, 5.0, 3",
            "metropolis-checkerboard, 16, 2.269, 4", "metropolis-checkerboard, 24, 1.8, 5", "metropolis-checkerboard, 6, 5.0, 6"})
    void singleSpinLoopFollowsTheChain(String algorithm, int length, double temperature, long seed) {
        HypercubicLattice lattice = new HypercubicLattice(length, 2);
        boolean randomSites = algorithm.equals(IsingModel.METROPOLIS);
        IsingChain chain = randomSites
                ? new MetropolisChain(lattice, 1.0, 0, temperature, Seeds.generator(seed))
                : new CheckerboardMetropolisChain(lattice, 1.0, 0, temperature, Seeds.generator(seed));
        PlainIsingLoops.Lattice loop = randomSites
                ? new PlainIsingLoops.Metropolis(length, temperature, Seeds.generator(seed))
                : new PlainIsingLoops.Checkerboard(length, temperature, Seeds.generator(seed));
        for (int update = 0; update < UPDATES; update++) {
            chain.update();
            loop.update();
            assertEquals(chain.bonds, loop.bonds, "bonds after update " + update);
            assertEquals(chain.magnetization, loop.magnetization, "magnetization after update " + update);
        }
        assertArrayEquals(chain.spins(), loop.spins);
    }

    @ParameterizedTest(name = "L={0} T={1}")
    @CsvSource({"16, 2.269, 7", "24, 1.8, 8", "12, 3.5, 9"})
    void wolffKeepsItsSums(int length, double temperature, long seed) {
        PlainIsingLoops.Wolff loop = new PlainIsingLoops.Wolff(length, temperature, Seeds.generator(seed));
        long added = 0;
        for (int update = 0; update < 10 * UPDATES; update++) {
            loop.update();
            added += loop.lastClusterSize;
            long bonds = 0;
            long magnetization = 0;
            for (int i = 0; i < loop.sites; i++) {
                bonds += loop.spins[i] * (loop.spins[loop.neighbours[4 * i]] + loop.spins[loop.neighbours[4 * i + 2]]);
                magnetization += loop.spins[i];
            }
            assertEquals(bonds, loop.bonds, "bonds after update " + update);
            assertEquals(magnetization, loop.magnetization, "magnetization after update " + update);
        }
        assertTrue(added > 10 * UPDATES, "clusters of more than one site were grown");
    }

    /**
     * The Wolff loop samples the Boltzmann distribution: on the 4×4 lattice ⟨e⟩ and ⟨m²⟩ over 2·10⁵
     * updates agree with exact enumeration within 4 errors of their 200 bin means (bins of 1000
     * updates, far longer than the autocorrelation). The sums check alone passes with any add
     * probability; 1 − e^(−β) instead of 1 − e^(−2β) puts ⟨e⟩ at −0.52 against −1.566 (hundreds of errors off).
     */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({"2.269, 10", "3.0, 11"})
    void wolffSamplesTheBoltzmannDistribution(double temperature, long seed) {
        int bins = 200;
        int perBin = 1000;
        PlainIsingLoops.Wolff loop = new PlainIsingLoops.Wolff(4, temperature, Seeds.generator(seed));
        for (int update = 0; update < 1000; update++) {
            loop.update();
        }
        double[][] means = new double[2][bins];
        for (int b = 0; b < bins; b++) {
            for (int update = 0; update < perBin; update++) {
                loop.update();
                double m = (double) loop.magnetization / loop.sites;
                means[0][b] += -(double) loop.bonds / loop.sites / perBin;
                means[1][b] += m * m / perBin;
            }
        }
        double[] exact = ExactIsing.enumerate(new HypercubicLattice(4, 2), 1.0, 0, temperature);
        double[] expected = {exact[0], exact[3]};
        String[] names = {"<e>", "<m^2>"};
        for (int q = 0; q < 2; q++) {
            double mean = Arrays.stream(means[q]).average().orElseThrow();
            double variance = Arrays.stream(means[q]).map(v -> (v - mean) * (v - mean)).sum() / (bins - 1);
            double error = Math.sqrt(variance / bins);
            assertEquals(expected[q], mean, 4 * error, names[q] + " at T = " + temperature + " (error " + error + ")");
        }
    }
}
