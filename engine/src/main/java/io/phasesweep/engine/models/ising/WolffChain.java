package io.phasesweep.engine.models.ising;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Wolff single-cluster updates; one update is one cluster grown and (normally) flipped. From a
 * random seed spin the cluster adds each aligned neighbour with probability
 * p_add = 1 − exp(−2βJ), which satisfies detailed balance for the coupling term on its own.
 *
 * <p>In a field h ≠ 0 the cluster is grown the same way and its flip is then accepted with the
 * Metropolis probability of the field term alone, min(1, exp(−2βh Σ_cluster s)) (Σ before the
 * flip): the product of the two satisfies detailed balance for the full Hamiltonian, so the chain
 * stays exact, only less efficient when βhN is large.
 */
final class WolffChain extends IsingChain {
    /** p_add as a threshold on a uniform's 53 bits ({@link RandomWords#threshold}). */
    private final long addThreshold;
    private final boolean sitesArePowerOfTwo;
    private final RandomWords randomWords;
    /** The cluster's sites in the order they joined; also the work list of sites still to grow from. */
    private final int[] cluster;
    /**
     * Membership and place in one array, so that growing a cluster reads one array per neighbour:
     * site i is in the current cluster iff {@code mark[i] >= offset}, and then joined it at position
     * {@code mark[i] − offset}. Each update starts its offset past every earlier mark, so nothing is
     * cleared between updates.
     */
    private final int[] mark;
    private int offset = 1;
    private int lastClusterSize;

    WolffChain(HypercubicLattice lattice, double coupling, double field, double temperature, RandomGenerator random) {
        super(lattice, coupling, field, temperature, random);
        this.addThreshold = RandomWords.threshold(-Math.expm1(-2 * beta * coupling));
        this.sitesArePowerOfTwo = (sites & (sites - 1)) == 0;
        this.randomWords = new RandomWords(random);
        this.cluster = new int[sites];
        this.mark = new int[sites];
    }

    /**
     * One cluster. The random numbers are the generator's {@code nextInt(N)} for the seed, one
     * {@code nextDouble()} per aligned neighbour not yet in the cluster, and in a field one more
     * for the flip, read ahead as raw words ({@link RandomWords}) and converted as the JDK converts
     * them, the bond test as an integer threshold: the same draws and decisions as calling the
     * generator, which {@code ScalarChainTrajectoryTest} pins. The arrays, the read index and the
     * sums live in locals for the update.
     */
    @Override
    public void update() {
        if (offset > Integer.MAX_VALUE - sites) {
            Arrays.fill(mark, 0);
            offset = 1;
        }
        int z = coordination;
        byte[] s = spins;
        int[] nb = neighbours;
        int[] members = cluster;
        int[] marks = mark;
        long add = addThreshold;
        long[] w = randomWords.words;
        int next = randomWords.next;
        if (next == w.length) {
            next = randomWords.refill(next);
        }
        int r = (int) (w[next++] >>> 32);
        int seed = r & (sites - 1);
        if (!sitesArePowerOfTwo) {
            seed = randomWords.remainderBelow(r, sites, next);
            next = randomWords.next;
        }
        int first = offset;
        byte s0 = s[seed];
        marks[seed] = first;
        members[0] = seed;
        int size = 1;
        // For the energy change: the sum of the neighbours' spins over all members, and the number of
        // bonds inside the cluster, each counted once, from the member that joined later.
        long neighbourSum = 0;
        long internalBonds = 0;
        for (int grown = 0; grown < size; grown++) {
            if (next > w.length - z) {
                next = randomWords.refill(next); // a member reads at most z words
            }
            int base = members[grown] * z;
            for (int k = 0; k < z; k++) {
                int j = nb[base + k];
                byte sj = s[j];
                neighbourSum += sj;
                if (sj != s0) {
                    continue;
                }
                int m = marks[j];
                if (m >= first) {
                    if (m < first + grown) {
                        internalBonds++;
                    }
                } else if (RandomWords.uniformBits(w[next++]) < add) {
                    marks[j] = first + size;
                    members[size++] = j;
                }
            }
        }
        offset = first + size;
        lastClusterSize = size;
        double fieldEnergyChange = 2 * field * s0 * size;
        if (fieldEnergyChange > 0) {
            if (next == w.length) {
                next = randomWords.refill(next);
            }
            double uniform = RandomWords.uniformBits(w[next++]) * 0x1.0p-53; // nextDouble()
            if (uniform >= Math.exp(-beta * fieldEnergyChange)) {
                randomWords.next = next;
                return;
            }
        }
        randomWords.next = next;
        // Only bonds leaving the cluster change sign; each internal bond appears twice in neighbourSum.
        long boundary = neighbourSum - 2 * internalBonds * s0;
        byte flipped = (byte) -s0;
        for (int c = 0; c < size; c++) {
            s[members[c]] = flipped;
        }
        bonds -= 2 * s0 * boundary;
        magnetization -= 2L * s0 * size;
    }

    /** Sites in the last cluster grown, flipped or not (for the benchmark). */
    int lastClusterSize() {
        return lastClusterSize;
    }
}
