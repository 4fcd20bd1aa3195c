package io.phasesweep.engine.models.sk;

import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ThermalObservables.Reading;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Parallel tempering of two independent sets of replicas ("a" and "b") of one SK sample over a
 * temperature ladder. A round is one Metropolis sweep of every replica at its temperature, then,
 * in each set, a swap attempt between every pair of neighbouring temperatures (k, k+1), accepted
 * with probability min(1, exp((β_k − β_{k+1})(E_k − E_{k+1}))), which keeps the product of the
 * Boltzmann distributions stationary. Each temperature is a level of the Monte Carlo ladder.
 */
final class ParallelTempering implements MonteCarlo.Ladder {
    private final int n;
    private final double[] betas;
    /** replicas[set][k]: the configuration currently at temperature k in set a (0) or b (1). */
    private final Replica[][] replicas;
    /** Swaps accepted in the last round between k and k+1, summed over both sets (0, 1 or 2). */
    private final int[] acceptedLastRound;
    private final RandomGenerator dynamics;

    /** @param temperatures increasing, positive */
    ParallelTempering(Couplings j, double[] temperatures, RandomGenerator dynamics) {
        int k = temperatures.length;
        this.n = j.size();
        this.dynamics = dynamics;
        this.betas = new double[k];
        for (int t = 0; t < k; t++) {
            betas[t] = 1.0 / temperatures[t];
        }
        this.replicas = new Replica[2][k];
        for (int set = 0; set < 2; set++) {
            for (int t = 0; t < k; t++) {
                replicas[set][t] = new Replica(j, dynamics);
            }
        }
        this.acceptedLastRound = new int[Math.max(0, k - 1)];
    }

    @Override
    public int levels() {
        return betas.length;
    }

    /** One round: a sweep of every replica, then the swap attempts. */
    @Override
    public void update() {
        for (Replica[] set : replicas) {
            for (int t = 0; t < betas.length; t++) {
                set[t].sweep(betas[t], dynamics);
            }
        }
        Arrays.fill(acceptedLastRound, 0);
        for (Replica[] set : replicas) {
            for (int t = 0; t + 1 < betas.length; t++) {
                double logRatio = (betas[t] - betas[t + 1]) * (set[t].energy() - set[t + 1].energy());
                if (logRatio >= 0 || dynamics.nextDouble() < Math.exp(logRatio)) {
                    Replica swap = set[t];
                    set[t] = set[t + 1];
                    set[t + 1] = swap;
                    acceptedLastRound[t]++;
                }
            }
        }
    }

    /** At temperature k: energy per spin, overlap moments, and the swap acceptance of the last round. */
    @Override
    public void measure(int k, Reading out) {
        double q = overlap(k);
        out.set(SherringtonKirkpatrickModel.ENERGY, energy(k) / n);
        out.set(SherringtonKirkpatrickModel.Q2, q * q);
        out.set(SherringtonKirkpatrickModel.Q4, q * q * q * q);
        out.set(SherringtonKirkpatrickModel.SWAP_RATE,
                betas.length == 1 ? 0.0 : swapAcceptance(Math.min(k, betas.length - 2)));
    }

    /** Energy at temperature k, averaged over sets a and b. */
    double energy(int k) {
        return 0.5 * (replicas[0][k].energy() + replicas[1][k].energy());
    }

    /** Overlap q between sets a and b at temperature k. */
    double overlap(int k) {
        return replicas[0][k].overlap(replicas[1][k]);
    }

    /** Fraction of the two swap attempts between k and k+1 accepted in the last round. */
    double swapAcceptance(int k) {
        return 0.5 * acceptedLastRound[k];
    }
}
