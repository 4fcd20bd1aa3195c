package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark's plain-Java reference loops ({@link PlainIsingLoops}) run the chains' algorithms:
 * the single-spin loops follow the chains' trajectories exactly from the same generator (L = 24
 * takes the bounded site draw's rejecting path), and the Wolff loop's kept sums are those of its
 * spins.
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
}
