package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The scalar chains' trajectories are pinned: a fingerprint of 300 updates from a fixed seed (the
 * kept bond sums and magnetizations after every update, and the final spins) must not change when
 * the kernels are made faster, so that every existing sweep keeps its numbers. The golden values
 * came from the kernels of commit 4142cf8 (before the speed work of #17), those of
 * {@code metropolis-checkerboard} from commit 87f52f0 (its numbers changed once before, see
 * docs/models/ising.md); a change of the random
 * numbers drawn, of their order, of the site visited or of a cluster's growth changes them.
 * Lattices cover 1-3 dimensions, L = 2 (doubled bonds), a size that is not a power of two (the
 * bounded site draw rejects), a field (Wolff's flip acceptance), and both sides of T_c.
 */
class ScalarChainTrajectoryTest {
    private static final int UPDATES = 300;

    @ParameterizedTest(name = "{0} dim={1} L={2} T={3} h={4}")
    @CsvSource({
            "wolff, 2, 64, 2.269, 0, 11, 2b4a5c7014838719",
            "wolff, 2, 24, 1.8, 0.1, 12, 414ac132ee8229cd",
            "wolff, 3, 6, 4.5, -0.2, 13, e5d223037ace4acb",
            "wolff, 1, 2, 1.0, 0.3, 14, 8f381cd5931553fd",
            "wolff, 2, 5, 3.0, 0, 15, 67d1fec9e8580d5e",
            "metropolis, 2, 64, 2.269, 0, 21, 1d2ab5d2f7eb3b77",
            "metropolis, 2, 24, 1.8, 0.1, 22, 666eeba90c843dd9",
            "metropolis, 3, 6, 4.5, -0.2, 23, 1e8d835bc45d735f",
            "metropolis, 1, 2, 1.0, 0.3, 24, d350735633ae87e1",
            "metropolis, 2, 5, 3.0, 0, 25, 72dab4efdfaa9ee",
            "metropolis-checkerboard, 2, 64, 2.269, 0, 31, 2f4e57e08e208937",
            "metropolis-checkerboard, 2, 24, 1.8, 0.1, 32, 4779e8ed6a0b9429",
            "metropolis-checkerboard, 3, 6, 4.5, -0.2, 33, a4609501b7b3421",
            "metropolis-checkerboard, 3, 8, 3.0, 0, 34, 62dc59cabe34a8f"})
    void trajectoryIsUnchanged(String algorithm, int dim, int size, double temperature, double field, long seed,
                               String golden) {
        HypercubicLattice lattice = new HypercubicLattice(size, dim);
        IsingChain chain = switch (algorithm) {
            case IsingModel.WOLFF -> new WolffChain(lattice, 1.0, field, temperature, Seeds.generator(seed));
            case IsingModel.METROPOLIS -> new MetropolisChain(lattice, 1.0, field, temperature, Seeds.generator(seed));
            default -> new CheckerboardMetropolisChain(lattice, 1.0, field, temperature, Seeds.generator(seed));
        };
        long fingerprint = 0;
        for (int update = 0; update < UPDATES; update++) {
            chain.update();
            fingerprint = 31 * fingerprint + 1_000_003L * chain.bonds + chain.magnetization;
        }
        fingerprint = 31 * fingerprint + Arrays.hashCode(chain.spins());
        assertEquals(golden, Long.toHexString(fingerprint), algorithm + " dim=" + dim + " L=" + size);
    }
}
