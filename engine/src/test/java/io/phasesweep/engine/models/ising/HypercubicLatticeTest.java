package io.phasesweep.engine.models.ising;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The kernels' ways to a site's neighbours agree with the neighbour table. */
class HypercubicLatticeTest {
    /**
     * For L a power of two the masked neighbours and sums replace the table's in the kernels, so they
     * must agree on every site (the sums on random spins), L = 2 (both neighbours along an axis the
     * same site) included.
     */
    @ParameterizedTest(name = "dim={0} L={1}")
    @CsvSource({"1, 2", "1, 16", "2, 2", "2, 8", "2, 32", "3, 2", "3, 4", "3, 8"})
    void maskedNeighbourSumsAreTheTables(int dim, int length) {
        HypercubicLattice lattice = new HypercubicLattice(length, dim);
        int shift = lattice.lengthShift();
        assertEquals(length, 1 << shift);
        SplittableRandom random = new SplittableRandom(dim * 100L + length);
        byte[] spins = new byte[lattice.sites()];
        for (int i = 0; i < spins.length; i++) {
            spins[i] = (byte) (random.nextBoolean() ? 1 : -1);
        }
        int z = lattice.coordination();
        for (int i = 0; i < spins.length; i++) {
            for (int k = 0; k < z; k++) {
                assertEquals(lattice.neighbour(i, k), HypercubicLattice.maskedNeighbour(i, k, shift), "site " + i + " neighbour " + k);
            }
            assertEquals(IsingChain.neighbourSum(spins, lattice.neighbours(), i, z),
                    IsingChain.maskedNeighbourSum(spins, i, z, shift), "site " + i);
        }
    }

    @ParameterizedTest(name = "L={0}")
    @CsvSource({"3", "6", "24", "48"})
    void noShiftWhenTheLengthIsNotAPowerOfTwo(int length) {
        assertEquals(-1, new HypercubicLattice(length, 2).lengthShift());
    }
}
