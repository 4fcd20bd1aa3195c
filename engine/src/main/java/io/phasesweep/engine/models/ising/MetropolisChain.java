package io.phasesweep.engine.models.ising;

import java.util.random.RandomGenerator;

/**
 * Metropolis single-spin flips at uniformly random sites; one update is a sweep of N attempts. The
 * acceptance probability min(1, exp(−β ΔE)) with ΔE = 2 s_i (J Σ_nb s_j + h) is tabulated by spin
 * and neighbour sum, and a flip that lowers the energy draws no random number.
 *
 * <p>Sites are drawn at random rather than visited in typewriter order because the latter is not
 * ergodic in one dimension at h = 0: a flip with ΔE = 0 is always accepted, so each sweep drags
 * the domain walls along deterministically, and a 32-spin chain at T = 1 then settles at e ≈ −0.95
 * instead of −tanh 1 ≈ −0.76 (the chain test catches this).
 *
 * <p>The random numbers are the generator's {@code nextInt(N)} and {@code nextDouble()}, in that
 * order, read ahead as raw words ({@link RandomWords}) and converted as the JDK converts them, and
 * the acceptance is compared as an integer threshold on the uniform's 53 bits: the same draws and
 * the same decisions as calling the generator, which {@code ScalarChainTrajectoryTest} pins.
 */
final class MetropolisChain extends IsingChain {
    /** Entries per spin value in {@link #thresholds}: a power of two above 2z + 1 for every z ≤ 6. */
    private static final int STRIDE = 16;
    /** The threshold of a flip that is accepted without a random number (p ≥ 1). */
    static final long CERTAIN = 1L << 53;

    /** Acceptance thresholds on a uniform's 53 bits, by {@link #index}. */
    private final long[] thresholds;
    private final RandomWords randomWords;

    MetropolisChain(HypercubicLattice lattice, double coupling, double field, double temperature,
                    RandomGenerator random) {
        super(lattice, coupling, field, temperature, random);
        this.thresholds = thresholds(coordination, coupling, field, beta);
        this.randomWords = new RandomWords(random);
    }

    /** {@link RandomWords#threshold} of min(1, exp(−β ΔE)) for each spin and neighbour sum, by {@link #index}. */
    static long[] thresholds(int z, double coupling, double field, double beta) {
        long[] out = new long[2 * STRIDE];
        for (int s = -1; s <= 1; s += 2) {
            for (int sum = -z; sum <= z; sum++) {
                double deltaE = 2 * s * (coupling * sum + field);
                out[index(s, sum, z)] = RandomWords.threshold(Math.exp(-beta * deltaE));
            }
        }
        return out;
    }

    /** The table entry of spin s = ±1 whose z neighbours sum to {@code sum}: no branch on the spin. */
    static int index(int s, int sum, int z) {
        return (s + 1) * (STRIDE / 2) + sum + z;
    }

    /**
     * N attempts. The kept sums and the generator's words live in locals for the sweep: in fields
     * C2 loaded and stored them around every attempt.
     */
    @Override
    public void update() {
        int z = coordination;
        byte[] s = spins;
        int[] nb = neighbours;
        long[] t = thresholds;
        long[] w = randomWords.words;
        int next = randomWords.next;
        int n = sites;
        int mask = n - 1;
        boolean powerOfTwo = (n & mask) == 0;
        int shift = lengthShift;
        long bondSum = bonds;
        long spinSum = magnetization;
        for (int attempt = 0; attempt < n; attempt++) {
            if (next > w.length - 2) {
                next = randomWords.refill(next);
            }
            // nextInt(n) as the JDK draws it: a mask for a power of two, else the remainder with rejection
            int r = (int) (w[next++] >>> 32);
            int i = r & mask;
            if (!powerOfTwo) {
                i = randomWords.remainderBelow(r, n, next);
                next = randomWords.next;
            }
            int sum = shift >= 0 ? maskedNeighbourSum(s, i, z, shift) : neighbourSum(s, nb, i, z);
            int si = s[i];
            long threshold = t[index(si, sum, z)];
            if (threshold == CERTAIN || RandomWords.uniformBits(w[next++]) < threshold) {
                s[i] = (byte) -si;
                bondSum -= 2L * si * sum;
                spinSum -= 2L * si;
            }
        }
        bonds = bondSum;
        magnetization = spinSum;
        randomWords.next = next;
    }
}
