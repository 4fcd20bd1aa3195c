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
final class CheckerboardMetropolisChain extends MetropolisChain {
    private final int[] order;
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
        this.generator = new Xoshiro256(random);
    }

    /**
     * Every attempt reads one uniform, needed or not (p = 1 accepts whatever it is): one
     * unpredictable branch per attempt instead of two. The uniforms come from a block drawn
     * for every {@code words.length} sites (the last block of a sweep is not used up).
     */
    @Override
    public void update() {
        int[] sites = order;
        for (int from = 0; from < sites.length; from += words.length) {
            generator.fill(words, 0);
            int to = Math.min(sites.length, from + words.length);
            for (int o = from; o < to; o++) {
                int i = sites[o];
                int sum = neighbourSum(i);
                if ((words[o - from] >>> 11) * 0x1.0p-53 < acceptance(i, sum)) {
                    flip(i, sum);
                }
            }
        }
    }
}
