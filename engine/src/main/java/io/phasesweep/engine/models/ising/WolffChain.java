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
    /** mark[i] == generation while site i is in the current cluster: no clearing between updates. */
    private final int[] mark;
    /** position[i]: where site i joined the current cluster (valid while it is marked). */
    private final int[] position;
    private int generation;
    private int lastClusterSize;

    WolffChain(HypercubicLattice lattice, double coupling, double field, double temperature, RandomGenerator random) {
        super(lattice, coupling, field, temperature, random);
        this.addProbability = -Math.expm1(-2 * beta * coupling);
        this.cluster = new int[sites];
        this.mark = new int[sites];
        this.position = new int[sites];
    }

    @Override
    public void update() {
        if (++generation == 0) {
            Arrays.fill(mark, 0);
            generation = 1;
        }
        int seed = random.nextInt(sites);
        byte s0 = spins[seed];
        int z = coordination;
        mark[seed] = generation;
        position[seed] = 0;
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
                if (mark[j] == generation) {
                    if (position[j] < next) {
                        internalBonds++;
                    }
                } else if (random.nextDouble() < addProbability) {
                    mark[j] = generation;
                    position[j] = size;
                    cluster[size++] = j;
                }
            }
        }
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
