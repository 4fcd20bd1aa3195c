package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * Metropolis single-spin flips in checkerboard order (the even sublattice, then the odd one), with
 * one uniform per attempt from xoshiro256** drawn in blocks: the same acceptance as
 * {@link MetropolisChain}, but no random number per site choice and none through the JDK
 * generator's interface. A different
 * Markov chain from {@code metropolis} (another order, other random numbers): the same equilibrium,
 * not the same numbers. Each half-sweep updates sites whose neighbours all lie in the other half,
 * so every step satisfies detailed balance; the order needs a bipartite lattice, even L in 2 or 3
 * dimensions (in one dimension a fixed order is not ergodic at h = 0, see {@link MetropolisChain}).
 */
final class CheckerboardMetropolisChain extends IsingChain {
    private final int[] order;
    private final long[] thresholds;
    private final Xoshiro256 generator;
    /** Words drawn ahead, one per attempt. */
    private final long[] words = new long[1024];

    CheckerboardMetropolisChain(HypercubicLattice lattice, double coupling, double field, double temperature,
                                RandomGenerator random) {
        super(lattice, coupling, field, temperature, random);
        String problem = HypercubicLattice.checkerboardProblem(lattice.length(), lattice.dim());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.order = lattice.checkerboard();
        this.thresholds = MetropolisChain.thresholds(coordination, coupling, field, beta);
        this.generator = new Xoshiro256(random);
    }

    @Override
    public void update() {
        int z = coordination;
        byte[] s = spins;
        int[] nb = neighbours;
        long[] t = thresholds;
        long[] w = words;
        int[] sites = order;
        long bondSum = bonds;
        long spinSum = magnetization;
        for (int from = 0; from < sites.length; from += w.length) {
            generator.fill(w, 0);
            int to = Math.min(sites.length, from + w.length);
            for (int o = from; o < to; o++) {
                int i = sites[o];
                int sum = neighbourSum(s, nb, i, z);
                int si = s[i];
                if (RandomWords.uniformBits(w[o - from]) < t[MetropolisChain.index(si, sum, z)]) {
                    s[i] = (byte) -si;
                    bondSum -= 2L * si * sum;
                    spinSum -= 2L * si;
                }
            }
        }
        bonds = bondSum;
        magnetization = spinSum;
    }
}
