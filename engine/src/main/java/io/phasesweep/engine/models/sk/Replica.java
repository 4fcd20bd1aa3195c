package io.phasesweep.engine.models.sk;

import java.util.random.RandomGenerator;

/**
 * One spin configuration of an SK sample with its local fields h_i = Σ_j J_ij s_j and its energy,
 * both kept up to date incrementally: a flip costs O(N).
 */
final class Replica {
    private final int n;
    private final double[] couplings;
    private final int[] spins;
    private final double[] fields;
    private double energy;

    Replica(Couplings j, RandomGenerator dynamics) {
        this.n = j.size();
        this.couplings = j.array();
        this.spins = new int[n];
        for (int i = 0; i < n; i++) {
            spins[i] = dynamics.nextBoolean() ? 1 : -1;
        }
        this.fields = new double[n];
        for (int i = 0; i < n; i++) {
            double h = 0;
            for (int k = 0; k < n; k++) {
                h += couplings[i * n + k] * spins[k];
            }
            fields[i] = h;
        }
        this.energy = j.energy(spins);
    }

    double energy() {
        return energy;
    }

    int[] spins() {
        return spins;
    }

    /** One Metropolis sweep in sequential site order at inverse temperature {@code beta}. */
    void sweep(double beta, RandomGenerator dynamics) {
        for (int i = 0; i < n; i++) {
            double delta = 2.0 * spins[i] * fields[i];
            if (delta <= 0 || dynamics.nextDouble() < Math.exp(-beta * delta)) {
                flip(i, delta);
            }
        }
    }

    private void flip(int i, double delta) {
        int s = -spins[i];
        spins[i] = s;
        energy += delta;
        double twoS = 2.0 * s;
        int row = i * n;
        for (int k = 0; k < n; k++) {
            fields[k] += twoS * couplings[row + k];
        }
    }

    /** (1/N) Σ s_i t_i. */
    double overlap(Replica other) {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            sum += spins[i] * other.spins[i];
        }
        return (double) sum / n;
    }
}
