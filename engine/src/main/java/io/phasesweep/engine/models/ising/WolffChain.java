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
    private final double addProbability;
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
        this.addProbability = -Math.expm1(-2 * beta * coupling);
        this.cluster = new int[sites];
        this.mark = new int[sites];
    }

    @Override
    public void update() {
        if (offset > Integer.MAX_VALUE - sites) {
            Arrays.fill(mark, 0);
            offset = 1;
        }
        int first = offset;
        int seed = random.nextInt(sites);
        byte s0 = spins[seed];
        int z = coordination;
        mark[seed] = first;
        cluster[0] = seed;
        int size = 1;
        // For the energy change: the sum of the neighbours' spins over all members, and the number of
        // bonds inside the cluster, each counted once, from the member that joined later.
        long neighbourSum = 0;
        long internalBonds = 0;
        for (int next = 0; next < size; next++) {
            int base = cluster[next] * z;
            for (int k = 0; k < z; k++) {
                int j = neighbours[base + k];
                byte s = spins[j];
                neighbourSum += s;
                if (s != s0) {
                    continue;
                }
                int m = mark[j];
                if (m >= first) {
                    if (m < first + next) {
                        internalBonds++;
                    }
                } else if (random.nextDouble() < addProbability) {
                    mark[j] = first + size;
                    cluster[size++] = j;
                }
            }
        }
        offset = first + size;
        lastClusterSize = size;
        double fieldEnergyChange = 2 * field * s0 * size;
        if (fieldEnergyChange > 0 && random.nextDouble() >= Math.exp(-beta * fieldEnergyChange)) {
            return;
        }
        // Only bonds leaving the cluster change sign; each internal bond appears twice in neighbourSum.
        long boundary = neighbourSum - 2 * internalBonds * s0;
        byte flipped = (byte) -s0;
        for (int c = 0; c < size; c++) {
            spins[cluster[c]] = flipped;
        }
        bonds -= 2 * s0 * boundary;
        magnetization -= 2L * s0 * size;
    }

    /** Sites in the last cluster grown, flipped or not (for the benchmark). */
    int lastClusterSize() {
        return lastClusterSize;
    }
}
