package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * Metropolis single-spin flips in checkerboard order (the even sublattice, then the odd one), with
 * uniforms from xoshiro256** drawn in blocks: the same acceptance as {@link MetropolisChain}, but
 * no random number per site choice and none through the JDK generator's interface. A different
 * Markov chain from {@code metropolis} (another order, other random numbers): the same equilibrium,
 * not the same numbers. Each half-sweep updates sites whose neighbours all lie in the other half,
 * so every step satisfies detailed balance; the order needs a bipartite lattice, even L in 2 or 3
 * dimensions (in one dimension a fixed order is not ergodic at h = 0, see {@link MetropolisChain}).
 */
final class CheckerboardMetropolisChain extends MetropolisChain {
    private final int[] order;
    private final Xoshiro256 generator;
    /** Words drawn ahead, one per uniform. */
    private final long[] words = new long[1024];
    private int nextWord = words.length;

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

    @Override
    public void update() {
        for (int i : order) {
            int sum = neighbourSum(i);
            double p = acceptance(i, sum);
            if (p >= 1.0 || uniform() < p) {
                flip(i, sum);
            }
        }
    }

    private double uniform() {
        if (nextWord == words.length) {
            generator.fill(words, 0);
            nextWord = 0;
        }
        return (words[nextWord++] >>> 11) * 0x1.0p-53;
    }
}
