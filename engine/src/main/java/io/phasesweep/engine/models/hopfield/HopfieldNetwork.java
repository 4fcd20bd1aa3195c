package io.phasesweep.engine.models.hopfield;

import java.util.random.RandomGenerator;

/**
 * N ±1 spins and P stored ±1 patterns with Hebbian couplings J_ij = (1/N) Σ_μ ξ_i^μ ξ_j^μ (i ≠ j).
 *
 * <p>Everything is kept in integers: the unnormalised overlaps M_μ = Σ_j ξ_j^μ s_j, the field
 * N·h_i = Σ_μ ξ_i^μ M_μ − P s_i (= Σ_{j≠i} N J_ij s_j) and the energy
 * N·E = −½ Σ_μ (M_μ² − N). Updating after a flip costs O(P) and never drifts.
 */
public final class HopfieldNetwork {
    private final int n;
    private final int p;
    /** ξ_i^μ at [i·P + μ]: the P entries of spin i are contiguous for the field loop. */
    private final byte[] xi;
    private final byte[] spins;
    private final long[] overlaps;

    private HopfieldNetwork(int n, int p, byte[] xi) {
        this.n = n;
        this.p = p;
        this.xi = xi;
        this.spins = new byte[n];
        this.overlaps = new long[p];
    }

    /** Draws P patterns one after the other, so the first P patterns do not depend on P. */
    public static HopfieldNetwork random(int n, int p, RandomGenerator disorder) {
        byte[] xi = new byte[n * p];
        for (int mu = 0; mu < p; mu++) {
            for (int i = 0; i < n; i++) {
                xi[i * p + mu] = disorder.nextBoolean() ? (byte) 1 : (byte) -1;
            }
        }
        HopfieldNetwork net = new HopfieldNetwork(n, p, xi);
        net.setToPattern(0);
        return net;
    }

    public int size() {
        return n;
    }

    public int patterns() {
        return p;
    }

    public int spin(int i) {
        return spins[i];
    }

    public int pattern(int mu, int i) {
        return xi[i * p + mu];
    }

    /** M_μ = Σ_j ξ_j^μ s_j (the overlap m_μ times N). */
    public long overlap(int mu) {
        return overlaps[mu];
    }

    public void setToPattern(int mu) {
        for (int i = 0; i < n; i++) {
            spins[i] = xi[i * p + mu];
        }
        recomputeOverlaps();
    }

    /** N·h_i, exactly. */
    public long fieldTimesN(int i) {
        long s = 0;
        int base = i * p;
        for (int mu = 0; mu < p; mu++) {
            s += xi[base + mu] * overlaps[mu];
        }
        return s - (long) p * spins[i];
    }

    public void flip(int i) {
        int old = spins[i];
        spins[i] = (byte) -old;
        int base = i * p;
        long twice = -2L * old;
        for (int mu = 0; mu < p; mu++) {
            overlaps[mu] += twice * xi[base + mu];
        }
    }

    /** N·E with E = −½ Σ_{i≠j} J_ij s_i s_j. */
    public double energyTimesN() {
        double s = 0;
        for (long m : overlaps) {
            s += (double) m * m - n;
        }
        return -0.5 * s;
    }

    void recomputeOverlaps() {
        for (int mu = 0; mu < p; mu++) {
            long m = 0;
            for (int i = 0; i < n; i++) {
                m += xi[i * p + mu] * spins[i];
            }
            overlaps[mu] = m;
        }
    }
}
