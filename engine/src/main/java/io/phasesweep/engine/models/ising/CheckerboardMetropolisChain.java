package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * Metropolis single-spin flips in checkerboard order (the even sublattice, then the odd one), with
 * one xoshiro256** uniform per attempt, stepped inline: the same acceptance as {@link MetropolisChain}, but no
 * random number per site choice and none through the JDK generator's interface. A different
 * Markov chain from {@code metropolis} (another order, other random numbers): the same equilibrium,
 * not the same numbers. Each half-sweep updates sites whose neighbours all lie in the other half,
 * so every step satisfies detailed balance; the order needs a bipartite lattice, even L in 2 or 3
 * dimensions (in one dimension a fixed order is not ergodic at h = 0, see {@link MetropolisChain}).
 */
final class CheckerboardMetropolisChain extends IsingChain {
    private final int[] order;
    private final long[] thresholds;
    private final Xoshiro256 generator;

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

    /**
     * Every attempt reads one uniform, needed or not (p = 1 accepts whatever it is: its threshold,
     * 2^53, is above every uniform's bits): one unpredictable branch per attempt instead of two.
     * The generator is stepped inline ({@link Xoshiro256#next}), its state and the kept sums in
     * locals: the words are the same, in the same order, as the sweep's uniforms drawn all at once
     * before it (until 2026-12-06, at 8 bytes a site: 134 MB at L = 256 in 3D), at the same speed
     * (L = 64 and 3D L = 16 in a copy, same run, within the noise). Drawn in blocks of 1024 between
     * parts of the sweep, the block loop compiled into the
     * sweep's loop had made C2 keep the sweep's locals on the stack (11.0-11.8 ns per attempt at
     * L = 64 against 8.9 for the whole sweep's words drawn first). The neighbours by masks, as in
     * {@link MetropolisChain} where L is a power of two, did not pay here: 8.1-9.5 against 7.7-8.6
     * ns per attempt at L = 64 (IsingBenchmark, alternating JVMs, load 9-12).
     */
    @Override
    public void update() {
        int z = coordination;
        byte[] s = spins;
        int[] nb = neighbours;
        long[] t = thresholds;
        int[] sites = order;
        long bondSum = bonds;
        long spinSum = magnetization;
        long[] state = generator.state();
        for (int o = 0; o < sites.length; o++) {
            long word = Xoshiro256.next(state);
            int i = sites[o];
            int sum = neighbourSum(s, nb, i, z);
            int si = s[i];
            if (RandomWords.uniformBits(word) < t[MetropolisChain.index(si, sum, z)]) {
                s[i] = (byte) -si;
                bondSum -= 2L * si * sum;
                spinSum -= 2L * si;
            }
        }
        generator.save(state);
        bonds = bondSum;
        magnetization = spinSum;
    }
}
