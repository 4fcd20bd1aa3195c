package io.phasesweep.engine.models.hopfield;

import io.phasesweep.engine.model.Shuffle;
import java.util.random.RandomGenerator;

/**
 * Asynchronous single-spin dynamics: one sweep visits every spin once in a fresh random order.
 * At T = 0 a spin flips when it disagrees with its field (s_i h_i &lt; 0; a zero field leaves it),
 * so the energy never increases; at T &gt; 0 it flips with the Glauber (heat-bath) probability
 * 1/(1 + exp(2 s_i h_i / T)).
 */
final class HopfieldDynamics {
    private final HopfieldNetwork net;
    private final RandomGenerator rng;
    private final int[] order;

    HopfieldDynamics(HopfieldNetwork net, RandomGenerator rng) {
        this.net = net;
        this.rng = rng;
        this.order = new int[net.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
    }

    /** One zero-temperature sweep; returns the number of flips. */
    int sweepZeroTemperature() {
        Shuffle.inPlace(order, rng);
        int flips = 0;
        for (int i : order) {
            if (net.spin(i) * net.fieldTimesN(i) < 0) {
                net.flip(i);
                flips++;
            }
        }
        return flips;
    }

    /** One Glauber sweep at temperature T &gt; 0. */
    void sweepGlauber(double temperature) {
        Shuffle.inPlace(order, rng);
        double betaOverN = 1.0 / (temperature * net.size());
        for (int i : order) {
            double deltaE = 2.0 * betaOverN * net.spin(i) * net.fieldTimesN(i);
            if (rng.nextDouble() * (1.0 + Math.exp(deltaE)) < 1.0) {
                net.flip(i);
            }
        }
    }
}
