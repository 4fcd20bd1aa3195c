package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ThermalObservables.Reading;

import java.util.random.RandomGenerator;

/**
 * 64 independent replicas of the zero-field Ising model in the bits of one {@code long} per site
 * (multi-spin coding), updated together by checkerboard Metropolis sweeps: bit k of
 * {@code spins[i]} is replica k's spin at site i, 1 for down. A ladder of 64 levels, one per
 * replica, for {@link MonteCarlo#run}.
 *
 * <p>The replicas share nothing but the order of the sites (the fixed checkerboard order): every
 * acceptance draws its own random bit per replica. With u of the z neighbours anti-aligned, a flip
 * changes the energy by ΔE = 2J(z − 2u); it is accepted outright where u ≥ z/2 and otherwise with
 * probability q^(z/2 − u), q = exp(−4βJ). That Bernoulli bit comes from comparing the binary
 * fraction of a replica's random bits with the binary expansion of its own q^(z/2 − u), one 64-bit
 * word (xoshiro256**, seeded from the batch's dynamics stream) per binary digit, only for the
 * replicas still undecided: a replica is decided at the first digit where its bit differs from its
 * threshold's, so about log2(64) + 1 words decide all 64 replicas of a site, whatever their u (8.4
 * on average at T_c, the first 8 read whether needed or not).
 * Each replica's decision reads only its own bit of each word, and the bits of a word are
 * independent, so the replicas are independent Markov chains exactly (to the thresholds' 53 binary
 * digits). Which words a replica reads depends on the others, so a replica's trajectory is a
 * function of its batch's seed and its lane, and the engine fixes batches by replica index.
 *
 * <p>Every replica's anti-aligned bonds and down spins are counted during the sweep, in bit-sliced
 * counters ({@link LaneCounters}): a site's spins are final once it is updated, and every bond joins
 * an even and an odd site, so each odd site adds its z bonds right after its update.
 *
 * <p>The checkerboard order needs a bipartite lattice: even L in 2 or 3 dimensions (in one
 * dimension a deterministic order is not ergodic at h = 0, see {@link MetropolisChain}).
 */
final class MultiSpinChain implements MonteCarlo.Ladder {
    static final int LANES = 64;
    /** Binary digits of a threshold q^e compared at most; the undecided rest (probability 2^-53) is rejected. */
    private static final int DIGITS = 53;
    /**
     * Digits compared for every replica before checking whether any is still undecided (each digit
     * decides half of the undecided). At L = 64, T_c: in Java 8 with the words drawn in blocks
     * against fully lazy with each word drawn inline, 0.79-0.83 against 0.85-0.92 ns per replica
     * attempt; in the C twin (bench/c) 8, 10 and 12 equal, 0-6 a quarter slower.
     */
    private static final int FIRST_DIGITS = 8;

    private final int sites;
    private final int coordination;
    private final int[] neighbours;
    private final long[] spins;
    /** The sites of the even sublattice, then those of the odd one. */
    private final int[] checkerboard;
    private final double coupling;
    /**
     * The binary digits after the point of q^e, e = 1 … z/2, as words of all ones or all zeros:
     * {@code digits[e − 1][t]} is digit t + 1 of q^e in every lane.
     */
    private final long[][] digits;
    /** The replicas' random words, seeded from the batch's dynamics stream. */
    private final Xoshiro256 generator;
    /** Per replica after the last update: anti-aligned bonds and down spins. */
    private final LaneCounters antiAlignedCounters;
    private final LaneCounters downCounters;
    /** The words to count, collected during a sweep and added to the counters in batches. */
    private final long[] bondWords = new long[1024];
    private final long[] downWords = new long[1024];
    private final long[] antiAligned = new long[LANES];
    private final long[] down = new long[LANES];

    MultiSpinChain(HypercubicLattice lattice, double coupling, double temperature, RandomGenerator random) {
        String problem = HypercubicLattice.checkerboardProblem(lattice.length(), lattice.dim());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.sites = lattice.sites();
        this.coordination = lattice.coordination();
        this.neighbours = lattice.neighbours();
        this.coupling = coupling;
        this.generator = new Xoshiro256(random);
        this.spins = new long[sites];
        this.checkerboard = lattice.checkerboard();
        this.digits = new long[coordination / 2][];
        for (int e = 1; e <= coordination / 2; e++) {
            digits[e - 1] = binaryDigits(Math.exp(-4 * e * coupling / temperature));
        }
        int bits = 64 - Long.numberOfLeadingZeros((long) sites * coordination);
        this.antiAlignedCounters = new LaneCounters(bits);
        this.downCounters = new LaneCounters(bits);
    }

    /** The first {@link #DIGITS} binary digits after the point of p in [0, 1], as words of ones or zeros. */
    private static long[] binaryDigits(double p) {
        long[] out = new long[DIGITS];
        double rest = p;
        for (int t = 0; t < DIGITS; t++) {
            rest *= 2;
            if (rest >= 1) {
                out[t] = -1L;
                rest -= 1;
            }
        }
        return out;
    }

    @Override
    public int levels() {
        return LANES;
    }

    /** One checkerboard sweep of every replica, counting each replica's bonds and down spins on the way. */
    @Override
    public void update() {
        // Each call is compiled with its coordination as a constant (5-15 % faster in 2D).
        if (coordination == 4) {
            sweep(4);
        } else {
            sweep(6);
        }
        antiAlignedCounters.counts(antiAligned);
        downCounters.counts(down);
    }

    /**
     * The sweep and each site's acceptance in one loop, the generator stepped inline with its state
     * in a local array that C2 scalar-replaces ({@link Xoshiro256#next}; the same words in the
     * same order as drawn ahead in blocks before: the same trajectories), and an odd site's bond
     * words taken from its anti-alignment words x_k = s ^ s_k before the flip, as x_k ^ accept (its
     * neighbours, on the other sublattice, do not change), instead of reading the neighbours again.
     * The sites go in chunks whose words fill the counting arrays, added to the counters after each
     * chunk: no test per site, and the counters' inlined loops outside the sites' loop. At L = 64,
     * T_c, in copies of the kernel (same runs, load 7-14): one loop with the generator inline
     * 0.53-0.56 against 0.56-0.59 ns per replica attempt for words drawn ahead in blocks and an
     * acceptance method of its own; the chunks 0.61-0.62 against 0.63-0.65 (3D L = 16: 0.69-0.70 against
     * 0.73-0.82).
     */
    private void sweep(int z) {
        antiAlignedCounters.clear();
        downCounters.clear();
        long[] downs = downWords;
        long[] bonds = bondWords;
        long[] sp = spins;
        int[] nb = neighbours;
        int[] order = checkerboard;
        long[] q1 = digits[0];
        long[] q2 = digits[1];
        long[] q3 = digits[z / 2 - 1];
        long[] state = generator.state();
        int half = sites / 2;
        int chunk = bonds.length / z;
        for (int from = 0; from < order.length; from += chunk) {
            int to = Math.min(order.length, from + chunk);
            int bondCount = 0;
            for (int o = from; o < to; o++) {
                int i = order[o];
                long s = sp[i];
                // a_k: the replicas with at least k anti-aligned neighbours; x_k kept where the bond words go
                long a1 = 0;
                long a2 = 0;
                long a3 = 0;
                int base = i * z;
                for (int k = 0; k < z; k++) {
                    long x = s ^ sp[nb[base + k]];
                    bonds[bondCount + k] = x;
                    a3 |= a2 & x;
                    a2 |= a1 & x;
                    a1 |= x;
                }
                // u ≥ z/2 anti-aligned: ΔE ≤ 0, accepted; otherwise with probability q^e, e = z/2 − u
                long accept;
                long needsQ;
                long needsQ2;
                long needsQ3;
                if (z == 6) {
                    accept = a3;
                    needsQ = a2 & ~a3;
                    needsQ2 = a1 & ~a2;
                    needsQ3 = ~a1;
                } else {
                    accept = a2;
                    needsQ = a1 & ~a2;
                    needsQ2 = ~a1;
                    needsQ3 = 0;
                }
                // Each undecided replica's random binary fraction against its threshold's digits: the first
                // FIRST_DIGITS for all (they decide almost every replica), then only while any is undecided.
                long undecided = ~accept;
                int t = 0;
                for (; t < FIRST_DIGITS; t++) {
                    long random = Xoshiro256.next(state);
                    long digit = (needsQ & q1[t]) | (needsQ2 & q2[t]) | (needsQ3 & q3[t]);
                    accept |= undecided & digit & ~random;
                    undecided &= ~(digit ^ random);
                }
                for (; t < DIGITS && undecided != 0; t++) {
                    long random = Xoshiro256.next(state);
                    long digit = (needsQ & q1[t]) | (needsQ2 & q2[t]) | (needsQ3 & q3[t]);
                    accept |= undecided & digit & ~random;
                    undecided &= ~(digit ^ random);
                }
                s ^= accept;
                sp[i] = s;
                downs[o - from] = s;
                if (o >= half) {
                    for (int k = 0; k < z; k++) {
                        bonds[bondCount++] ^= accept;
                    }
                }
            }
            antiAlignedCounters.add(bonds, bondCount);
            downCounters.add(downs, to - from);
        }
        generator.save(state);
    }

    @Override
    public void measure(int lane, Reading out) {
        long bonds = (long) sites * coordination / 2 - 2 * antiAligned[lane];
        long magnetization = sites - 2 * down[lane];
        IsingChain.measure(out, coupling, 0, bonds, magnetization, sites);
    }

    /** Replica {@code lane}'s spins as ±1, for tests. */
    byte[] spins(int lane) {
        byte[] out = new byte[sites];
        for (int i = 0; i < sites; i++) {
            out[i] = (byte) (((spins[i] >>> lane) & 1L) == 0 ? 1 : -1);
        }
        return out;
    }
}
