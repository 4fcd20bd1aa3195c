package io.phasesweep.engine.models.ising;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Plain-Java reference loops of the ising kernels' algorithms, the baseline that #17 asks the
 * kernels to be shown against beside C ({@link IsingBenchmark}, {@code bench/kernels.sh}): the code
 * one writes without tuning, on the 2D L×L periodic lattice at J = 1, h = 0. A neighbour table,
 * byte spins, the generator called for each number through its interface, the acceptance as a
 * {@code double} comparison; the same bookkeeping as the chains (the bond sum and the magnetization
 * kept after every update), so that each loop does the work of the chain it stands for.
 *
 * <p>{@link Metropolis} and {@link Checkerboard} draw the same numbers in the same order and take the
 * same decisions as {@link MetropolisChain} and {@link CheckerboardMetropolisChain} from the same
 * generator: the same trajectories ({@code PlainIsingLoopsTest}). {@link Wolff} grows its cluster
 * from an explicit stack (last in, first out), so its clusters are those of the same algorithm, not
 * the chain's breadth-first ones.
 */
final class PlainIsingLoops {
    private PlainIsingLoops() {
    }

    /** The state both single-spin loops and the cluster loop share: spins, table, kept sums. */
    abstract static class Lattice {
        final int length;
        final int sites;
        /** Neighbours of site i = x + L·y at 4i … 4i+3: +x, −x, +y, −y. */
        final int[] neighbours;
        final byte[] spins;
        final double beta;
        long bonds;
        long magnetization;

        Lattice(int length, double temperature) {
            this.length = length;
            this.sites = length * length;
            this.neighbours = new int[4 * sites];
            for (int y = 0; y < length; y++) {
                for (int x = 0; x < length; x++) {
                    int i = x + length * y;
                    neighbours[4 * i] = (x + 1) % length + length * y;
                    neighbours[4 * i + 1] = (x + length - 1) % length + length * y;
                    neighbours[4 * i + 2] = x + length * ((y + 1) % length);
                    neighbours[4 * i + 3] = x + length * ((y + length - 1) % length);
                }
            }
            this.spins = new byte[sites];
            Arrays.fill(spins, (byte) 1);
            this.beta = 1.0 / temperature;
            this.bonds = 2L * sites;
            this.magnetization = sites;
        }

        /** min(1, exp(−β ΔE)) by s_i Σ_nb s_j + 4, ΔE = 2 s_i Σ_nb s_j. */
        final double[] acceptance() {
            double[] p = new double[9];
            for (int product = -4; product <= 4; product++) {
                p[product + 4] = Math.min(1, Math.exp(-beta * (2 * product)));
            }
            return p;
        }

        final int neighbourSum(int i) {
            int sum = 0;
            for (int k = 0; k < 4; k++) {
                sum += spins[neighbours[4 * i + k]];
            }
            return sum;
        }

        final void flip(int i, int sum) {
            int s = spins[i];
            spins[i] = (byte) -s;
            bonds -= 2L * s * sum;
            magnetization -= 2L * s;
        }

        abstract void update();
    }

    /** Metropolis at random sites, N attempts per update: {@code nextInt(N)}, then {@code nextDouble()} if ΔE > 0. */
    static final class Metropolis extends Lattice {
        private final double[] acceptance = acceptance();
        private final RandomGenerator random;

        Metropolis(int length, double temperature, RandomGenerator random) {
            super(length, temperature);
            this.random = random;
        }

        @Override
        void update() {
            for (int attempt = 0; attempt < sites; attempt++) {
                int i = random.nextInt(sites);
                int sum = neighbourSum(i);
                int product = spins[i] * sum;
                if (product <= 0 || random.nextDouble() < acceptance[product + 4]) {
                    flip(i, sum);
                }
            }
        }
    }

    /**
     * Metropolis in checkerboard order (even sites, then odd ones), one xoshiro256** uniform per
     * attempt, its state in an array field (seeded as the chain's) rather than in the sweep's locals.
     */
    static final class Checkerboard extends Lattice {
        private final double[] acceptance = acceptance();
        private final long[] xoshiro;

        Checkerboard(int length, double temperature, RandomGenerator seed) {
            super(length, temperature);
            this.xoshiro = new Xoshiro256(seed).state();
        }

        @Override
        void update() {
            for (int parity = 0; parity < 2; parity++) {
                for (int y = 0; y < length; y++) {
                    for (int x = (y + parity) % 2; x < length; x += 2) {
                        int i = x + length * y;
                        int sum = neighbourSum(i);
                        double uniform = (Xoshiro256.next(xoshiro) >>> 11) * 0x1.0p-53;
                        if (uniform < acceptance[spins[i] * sum + 4]) {
                            flip(i, sum);
                        }
                    }
                }
            }
        }
    }

    /**
     * Wolff, one cluster per update, grown from an explicit stack; membership by a stamp per update;
     * the cluster flipped and the energy change counted in a pass over its members afterwards.
     */
    static final class Wolff extends Lattice {
        private final double addProbability;
        private final RandomGenerator random;
        private final int[] stack;
        private final int[] members;
        private final int[] stamp;
        private int current;
        int lastClusterSize;

        Wolff(int length, double temperature, RandomGenerator random) {
            super(length, temperature);
            this.addProbability = -Math.expm1(-2 * beta);
            this.random = random;
            this.stack = new int[sites];
            this.members = new int[sites];
            this.stamp = new int[sites];
        }

        @Override
        void update() {
            if (++current == 0) { // after 2^32 updates every stamp has been used
                Arrays.fill(stamp, 0);
                current = 1;
            }
            int seed = random.nextInt(sites);
            byte s0 = spins[seed];
            stamp[seed] = current;
            stack[0] = seed;
            members[0] = seed;
            int top = 1;
            int size = 1;
            while (top > 0) {
                int i = stack[--top];
                for (int k = 0; k < 4; k++) {
                    int j = neighbours[4 * i + k];
                    if (spins[j] == s0 && stamp[j] != current && random.nextDouble() < addProbability) {
                        stamp[j] = current;
                        stack[top++] = j;
                        members[size++] = j;
                    }
                }
            }
            long boundary = 0; // Σ of the spins outside the cluster next to it: only those bonds change sign
            for (int c = 0; c < size; c++) {
                int i = members[c];
                spins[i] = (byte) -s0;
                for (int k = 0; k < 4; k++) {
                    int j = neighbours[4 * i + k];
                    if (stamp[j] != current) {
                        boundary += spins[j];
                    }
                }
            }
            bonds -= 2L * s0 * boundary;
            magnetization -= 2L * s0 * size;
            lastClusterSize = size;
        }
    }
}
