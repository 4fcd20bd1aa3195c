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
 */
class MetropolisChain extends IsingChain {
    /** Acceptance by [(s_i > 0 ? 1 : 0) · (2z+1) + Σ_nb s_j + z], z the coordination number. */
    private final double[] acceptance;

    MetropolisChain(HypercubicLattice lattice, double coupling, double field, double temperature,
                    RandomGenerator random) {
        super(lattice, coupling, field, temperature, random);
        int width = 2 * coordination + 1;
        acceptance = new double[2 * width];
        for (int up = 0; up < 2; up++) {
            int s = up == 1 ? 1 : -1;
            for (int sum = -coordination; sum <= coordination; sum++) {
                double deltaE = 2 * s * (coupling * sum + field);
                acceptance[up * width + sum + coordination] = Math.min(1.0, Math.exp(-beta * deltaE));
            }
        }
    }

    @Override
    public void update() {
        for (int attempt = 0; attempt < sites; attempt++) {
            int i = random.nextInt(sites);
            int sum = neighbourSum(i);
            double p = acceptance(i, sum);
            if (p >= 1.0 || random.nextDouble() < p) {
                flip(i, sum);
            }
        }
    }

    /** Σ of the spins next to site i. */
    final int neighbourSum(int i) {
        int z = coordination;
        int sum = 0;
        int base = i * z;
        for (int k = 0; k < z; k++) {
            sum += spins[neighbours[base + k]];
        }
        return sum;
    }

    /** The probability of flipping site i, whose neighbours' spins sum to {@code sum}. */
    final double acceptance(int i, int sum) {
        int z = coordination;
        return acceptance[(spins[i] > 0 ? 2 * z + 1 : 0) + sum + z];
    }

    final void flip(int i, int sum) {
        int s = spins[i];
        spins[i] = (byte) -s;
        bonds -= 2L * s * sum;
        magnetization -= 2L * s;
    }
}
