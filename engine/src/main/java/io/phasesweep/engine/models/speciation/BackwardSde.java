package io.phasesweep.engine.models.speciation;

import java.util.random.RandomGenerator;

/**
 * The backward (time-reversed) SDE of the Ornstein–Uhlenbeck forward process with the exact score,
 * dx = [x + 2 ∇log P_s(x)] ds + √2 dB in reverse time s from t down to 0, by Euler–Maruyama with
 * ⌈t/step⌉ equal steps, so the step is at most {@code step}. Its work arrays are allocated once.
 */
final class BackwardSde {
    private final DataLaw data;
    private final double step;
    private final double[] x;
    private final double[] score;

    BackwardSde(DataLaw data, double step) {
        this.data = data;
        this.step = step;
        this.x = new double[data.dimension()];
        this.score = new double[data.dimension()];
    }

    /**
     * Runs one trajectory from {@code start}, the sample at time t = −½ log ᾱ, to time 0 and
     * returns its class: true when m·x_0 &gt; 0. A tie, m·x_0 = 0 (Curie–Weiss spins with M = 0 at
     * ᾱ = 1, where there are no steps), is a fair coin per trajectory, as the exact P₊ counts it.
     */
    boolean endsPlus(double[] start, double abar, RandomGenerator noise) {
        System.arraycopy(start, 0, x, 0, x.length);
        double t = -0.5 * Math.log(abar);
        int steps = (int) Math.ceil(t / step);
        double h = steps == 0 ? 0 : t / steps;
        double kick = Math.sqrt(2 * h);
        for (int k = 0; k < steps; k++) {
            double s = t - k * h;
            data.score(x, Math.exp(-2 * s), score);
            for (int i = 0; i < x.length; i++) {
                x[i] += h * (x[i] + 2 * score[i]) + kick * noise.nextGaussian();
            }
        }
        double q = GaussianMixture.projection(x);
        return q > 0 || q == 0 && noise.nextBoolean();
    }
}
