package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ThermalObservables.Reading;

import java.util.Arrays;
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
 * probability q^(z/2 − u), q = exp(−4βJ), the product of z/2 − u independent Bernoulli(q) bits.
 * A Bernoulli(q) bit per replica comes from comparing the binary fraction of a replica's random bits
 * with q's binary expansion, one 64-bit word (xoshiro256**, seeded from the batch's dynamics
 * stream) per binary digit, only for the replicas still undecided: a replica is decided at the first digit where its bit differs from q's, so about
 * log2(64) + 1 words decide 64 replicas. Each replica's decision reads only its own bit of each word,
 * and the bits of a word are independent, so the replicas are independent Markov chains exactly
 * (to q's 53 significant bits). Which words a replica reads depends on the others, so a replica's
 * trajectory is a function of its batch's seed and its lane, and the engine fixes batches by
 * replica index.
 *
 * <p>The checkerboard order needs a bipartite lattice: even L in 2 or 3 dimensions (in one
 * dimension a deterministic order is not ergodic at h = 0, see {@link MetropolisChain}).
 */
final class MultiSpinChain implements MonteCarlo.Ladder {
    static final int LANES = 64;
    /** Binary digits of q compared at most; the undecided rest (probability 2^-53) is rejected. */
    private static final int DIGITS = 53;

    private final int sites;
    private final int coordination;
    private final int[] neighbours;
    private final long[] spins;
    /** The sites of the even sublattice, then those of the odd one. */
    private final int[] checkerboard;
    private final double coupling;
    /** q's binary digits after the point: q = Σ_t digit[t] 2^−(t+1). */
    private final boolean[] qDigits = new boolean[DIGITS];
    /** The state of the replicas' random words: xoshiro256**, seeded from the batch's dynamics stream. */
    private long x0;
    private long x1;
    private long x2;
    private long x3;
    /** Per replica after the last update: anti-aligned bonds and down spins, as vertical counters. */
    private final long[] antiAlignedPlanes;
    private final long[] downPlanes;
    private final long[] antiAligned = new long[LANES];
    private final long[] down = new long[LANES];

    MultiSpinChain(HypercubicLattice lattice, double coupling, double temperature, RandomGenerator random) {
        String problem = problem(lattice.length(), lattice.dim());
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.sites = lattice.sites();
        this.coordination = lattice.coordination();
        this.neighbours = lattice.neighbours();
        this.coupling = coupling;
        // four draws of a full-period stream are all zero with probability 2^-256: not guarded
        this.x0 = random.nextLong();
        this.x1 = random.nextLong();
        this.x2 = random.nextLong();
        this.x3 = random.nextLong();
        this.spins = new long[sites];
        this.checkerboard = checkerboard(lattice);
        double q = Math.exp(-4 * coupling / temperature);
        for (int t = 0; t < DIGITS; t++) {
            q *= 2;
            qDigits[t] = q >= 1;
            if (q >= 1) {
                q -= 1;
            }
        }
        int planes = 64 - Long.numberOfLeadingZeros((long) sites * coordination);
        this.antiAlignedPlanes = new long[planes];
        this.downPlanes = new long[planes];
    }

    /** Why no multi-spin chain runs on this lattice, or null. */
    static String problem(int length, int dim) {
        if (dim < 2) {
            return "the multi-spin checkerboard needs dimension 2 or 3, got " + dim;
        }
        if (length % 2 != 0) {
            return "the multi-spin checkerboard needs an even L (a bipartite periodic lattice), got " + length;
        }
        return null;
    }

    private static int[] checkerboard(HypercubicLattice lattice) {
        int[] order = new int[lattice.sites()];
        int next = 0;
        for (int parity = 0; parity < 2; parity++) {
            for (int i = 0; i < lattice.sites(); i++) {
                int sum = 0;
                for (int rest = i; rest > 0; rest /= lattice.length()) {
                    sum += rest % lattice.length();
                }
                if (sum % 2 == parity) {
                    order[next++] = i;
                }
            }
        }
        return order;
    }

    @Override
    public int levels() {
        return LANES;
    }

    /** One checkerboard sweep of every replica, then the per-replica counts for {@link #measure}. */
    @Override
    public void update() {
        int z = coordination;
        boolean threeD = z == 6;
        for (int i : checkerboard) {
            long s = spins[i];
            // a_k: the replicas with at least k anti-aligned neighbours
            long a1 = 0;
            long a2 = 0;
            long a3 = 0;
            int base = i * z;
            for (int n = 0; n < z; n++) {
                long x = s ^ spins[neighbours[base + n]];
                a3 |= a2 & x;
                a2 |= a1 & x;
                a1 |= x;
            }
            // u ≥ z/2 anti-aligned: ΔE ≤ 0; otherwise one Bernoulli(q) factor per missing anti-aligned neighbour
            long accept = threeD ? a3 : a2;
            long pending = ~accept;
            if (threeD) {
                pending &= bernoulliQ(pending);
                accept |= pending & a2;
                pending &= ~a2;
            }
            if (pending != 0) {
                pending &= bernoulliQ(pending);
                accept |= pending & a1;
                pending &= ~a1;
            }
            if (pending != 0) {
                accept |= pending & bernoulliQ(pending);
            }
            spins[i] = s ^ accept;
        }
        count();
    }

    /** For the replicas in {@code undecided}: a bit set with probability q; the other bits are 0. */
    private long bernoulliQ(long undecided) {
        long success = 0;
        for (int t = 0; t < DIGITS && undecided != 0; t++) {
            long r = nextLong();
            if (qDigits[t]) {
                success |= undecided & ~r;
                undecided &= r;
            } else {
                undecided &= ~r;
            }
        }
        return success;
    }

    /** xoshiro256** (Blackman and Vigna 2018), inline: a virtual call per word cost a third of the sweep. */
    private long nextLong() {
        long result = Long.rotateLeft(x1 * 5, 7) * 9;
        long t = x1 << 17;
        x2 ^= x0;
        x3 ^= x1;
        x1 ^= x2;
        x0 ^= x3;
        x2 ^= t;
        x3 = Long.rotateLeft(x3, 45);
        return result;
    }

    /** Anti-aligned bonds (each once, along the + directions) and down spins of every replica. */
    private void count() {
        Arrays.fill(antiAlignedPlanes, 0);
        Arrays.fill(downPlanes, 0);
        int z = coordination;
        for (int i = 0; i < sites; i++) {
            long s = spins[i];
            add(downPlanes, s);
            int base = i * z;
            for (int n = 0; n < z; n += 2) {
                add(antiAlignedPlanes, s ^ spins[neighbours[base + n]]);
            }
        }
        for (int lane = 0; lane < LANES; lane++) {
            antiAligned[lane] = lane(antiAlignedPlanes, lane);
            down[lane] = lane(downPlanes, lane);
        }
    }

    /** Adds one bit per replica to bit-sliced counters: planes[b] holds bit b of every replica's count. */
    private static void add(long[] planes, long bits) {
        long carry = bits;
        for (int b = 0; carry != 0; b++) {
            long next = planes[b] & carry;
            planes[b] ^= carry;
            carry = next;
        }
    }

    private static long lane(long[] planes, int lane) {
        long count = 0;
        for (int b = 0; b < planes.length; b++) {
            count |= ((planes[b] >>> lane) & 1L) << b;
        }
        return count;
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
