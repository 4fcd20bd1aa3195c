package io.phasesweep.engine.models.jamming;

/**
 * The small-argument tail of a sample, below a cutoff c, summarised for the maximum-likelihood
 * estimate of a power law P(x) ∝ x^(a − 1) on (0, c]: the number n of values in (0, c] and
 * L = Σ ln(c/x) over them. Given x ≤ c, ln(c/x) is exponential with rate a, so â = n/L (Hill's
 * estimator with a fixed cutoff), with standard error a/√n and bias a/(n − 1) (E[n/L] = a·n/(n − 1)).
 *
 * <p>Tails of independent samples pool by adding n and L, so a per-sample row that carries both
 * gives the pooled estimate as the ratio of their means over samples. For gaps P(h) ∝ h^(−γ):
 * a = 1 − γ; for forces P(f) ∝ f^θ: a = 1 + θ.
 *
 * @param count   n, the values in (0, cutoff]
 * @param logSum  L = Σ ln(cutoff/x) over them
 */
record PowerLawTail(int count, double logSum) {

    /** The tail of the positive values among {@code x[0..length)} at most {@code cutoff}. */
    static PowerLawTail of(double[] x, int length, double cutoff) {
        int count = 0;
        double logSum = 0;
        for (int i = 0; i < length; i++) {
            if (x[i] > 0 && x[i] <= cutoff) {
                count++;
                logSum += Math.log(cutoff / x[i]);
            }
        }
        return new PowerLawTail(count, logSum);
    }

    /** â = n/L; NaN without a value below the cutoff. */
    double exponent() {
        return count / logSum;
    }
}
