package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ThermalObservables.Reading;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static io.phasesweep.engine.models.ising.HypercubicLattice.maskedNeighbour;

/**
 * The state of one Ising run: spins ±1, and the bond sum Σ_⟨ij⟩ s_i s_j and magnetization Σ_i s_i
 * kept up to date by the updates (exact integers, so no drift), from which a measurement costs
 * O(1). The chain starts in the ground state, all spins along h (up when h = 0): below T_c that
 * avoids the long-lived stripe states a random start leaves single-spin dynamics in, and above
 * T_c it disorders within a few updates.
 */
abstract class IsingChain implements MonteCarlo.Chain {
    protected final int sites;
    protected final int coordination;
    protected final int[] neighbours;
    /** {@link HypercubicLattice#lengthShift}: log2 L, or −1 when L is not a power of two. */
    protected final int lengthShift;
    protected final byte[] spins;
    protected final double coupling;
    protected final double field;
    protected final double beta;
    protected final RandomGenerator random;
    /** Σ_⟨ij⟩ s_i s_j over the bonds of the neighbour table: half its entries (an L = 2 pair counts twice). */
    protected long bonds;
    protected long magnetization;

    IsingChain(HypercubicLattice lattice, double coupling, double field, double temperature, RandomGenerator random) {
        this.sites = lattice.sites();
        this.coordination = lattice.coordination();
        this.neighbours = lattice.neighbours();
        this.lengthShift = lattice.lengthShift();
        this.coupling = coupling;
        this.field = field;
        this.beta = 1.0 / temperature;
        this.random = random;
        byte up = (byte) (field < 0 ? -1 : 1);
        this.spins = new byte[sites];
        Arrays.fill(spins, up);
        this.bonds = (long) sites * coordination / 2;
        this.magnetization = (long) sites * up;
    }

    /** Energy per spin, its square, and moments of the magnetization per spin. */
    @Override
    public final void measure(Reading out) {
        measure(out, coupling, field, bonds, magnetization, sites);
    }

    /** The observables of a configuration with this bond sum Σ s_i s_j and magnetization Σ s_i. */
    static void measure(Reading out, double coupling, double field, long bonds, long magnetization, int sites) {
        double e = (-coupling * bonds - field * magnetization) / sites;
        double m = (double) magnetization / sites;
        double m2 = m * m;
        out.set(IsingModel.E, e);
        out.set(IsingModel.E2, e * e);
        out.set(IsingModel.ABSM, Math.abs(m));
        out.set(IsingModel.M2, m2);
        out.set(IsingModel.M4, m2 * m2);
    }

    /**
     * Σ of the spins of site i's z neighbours, z = 2, 4 or 6, without a loop: the tests of z never
     * change their outcome within a run, so they cost a predicted branch, where a loop over a z
     * that C2 does not know as a constant compiled to a pre-loop, an unrolled main loop that
     * z = 4 never enters, and a post-loop, a bounds check per neighbour in each.
     */
    static int neighbourSum(byte[] spins, int[] neighbours, int i, int z) {
        int base = i * z;
        int sum = spins[neighbours[base]] + spins[neighbours[base + 1]];
        if (z > 2) {
            sum += spins[neighbours[base + 2]] + spins[neighbours[base + 3]];
            if (z > 4) {
                sum += spins[neighbours[base + 4]] + spins[neighbours[base + 5]];
            }
        }
        return sum;
    }

    /**
     * {@link #neighbourSum} for L = 2^shift, by {@link HypercubicLattice#maskedNeighbour}: random-site
     * Metropolis at L = 64, 2D, in a copy of the kernel, 10.0-10.6 ns per attempt against 11.0-11.9
     * with the table (same run).
     */
    static int maskedNeighbourSum(byte[] spins, int i, int z, int shift) {
        int sum = spins[maskedNeighbour(i, 0, shift)] + spins[maskedNeighbour(i, 1, shift)];
        if (z > 2) {
            sum += spins[maskedNeighbour(i, 2, shift)] + spins[maskedNeighbour(i, 3, shift)];
            if (z > 4) {
                sum += spins[maskedNeighbour(i, 4, shift)] + spins[maskedNeighbour(i, 5, shift)];
            }
        }
        return sum;
    }

    /** The current spins, for tests. */
    byte[] spins() {
        return spins;
    }
}
