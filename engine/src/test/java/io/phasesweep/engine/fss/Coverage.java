package io.phasesweep.engine.fss;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage of 1σ error bars over repeated synthetic trials. Trial and bootstrap counts are system
 * properties ({@code -Dfss.trials=…}, {@code -Dfss.bootstrap=…}) so a longer run can tighten the check.
 *
 * <p>The band [0.55, 0.80] around the nominal 0.683 for 200 trials: the binomial spread of the
 * observed coverage is √(0.683·0.317/200) = 0.033, so the band is −4σ/+3.5σ, and it also absorbs
 * the few-percent bias of bootstrap errors from B resamples of n = 16 replicas (they are low by
 * about √((n−1)/n)). It still fails error bars off by a factor 1.4 either way: those cover
 * P(|Z| < 1.4) = 0.84 or P(|Z| < 0.71) = 0.52.
 */
final class Coverage {
    static final double LOW = 0.55;
    static final double HIGH = 0.80;

    private Coverage() {
    }

    /** One synthetic trial: {estimate, error} from data seeded by {@code trial}, with B resamples. */
    @FunctionalInterface
    interface Trial {
        double[] run(int trial, int bootstrap);
    }

    /**
     * Asserts that the fraction of trials whose {value, error} covers the truth is inside
     * [{@link #LOW}, {@link #HIGH}] (a trial without an estimate, NaN, covers nothing); prints it and the
     * mean and rms of the pull (value − truth)/error over the estimated trials, which should be ≈ 0 and ≈ 1.
     */
    static void check(String what, int defaultTrials, int defaultBootstrap, Trial valueAndError, double truth) {
        int trials = Integer.getInteger("fss.trials", defaultTrials);
        int bootstrap = Integer.getInteger("fss.bootstrap", defaultBootstrap);
        int covered = 0;
        int estimated = 0;
        double pullSum = 0;
        double pull2 = 0;
        for (int t = 0; t < trials; t++) {
            double[] ve = valueAndError.run(t, bootstrap);
            double pull = (ve[0] - truth) / ve[1];
            if (Double.isFinite(pull)) {
                estimated++;
                pullSum += pull;
                pull2 += pull * pull;
            }
            if (Math.abs(pull) <= 1) {
                covered++;
            }
        }
        double c = (double) covered / trials;
        System.out.printf("coverage %s: %.3f over %d trials (%d estimated), mean pull %.3f, rms pull %.3f over those%n", what, c,
                trials, estimated, pullSum / estimated, Math.sqrt(pull2 / estimated));
        assertTrue(c >= LOW && c <= HIGH, "coverage of " + what + ": " + c);
    }
}
