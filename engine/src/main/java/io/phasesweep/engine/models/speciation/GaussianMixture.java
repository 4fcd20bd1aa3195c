package io.phasesweep.engine.models.speciation;

import org.apache.commons.math3.special.Erf;

import java.util.random.RandomGenerator;

/**
 * The data law ½ N(m, σ² I) + ½ N(−m, σ² I) in dimension d with m = (1, …, 1), so |m|² = d, and its
 * law after the Ornstein–Uhlenbeck forward process dx = −x dt + √2 dB up to time t, written with
 * ᾱ = e^(−2t): x_t = √ᾱ x_0 + √(1 − ᾱ) z, whose law is ½ N(±√ᾱ m, Γ I) with Γ = σ²ᾱ + 1 − ᾱ. Every
 * quantity of the noised law is in closed form; the class of a point is the sign of m·x.
 */
final class GaussianMixture implements DataLaw {
    private final int dimension;
    private final double sigma;

    GaussianMixture(int dimension, double sigma) {
        this.dimension = dimension;
        this.sigma = sigma;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** m mᵀ + σ² I: d + σ². */
    @Override
    public double topEigenvalue() {
        return dimension + sigma * sigma;
    }

    /** Variance of each component of the noised law at ᾱ. */
    double gamma(double abar) {
        return sigma * sigma * abar + 1 - abar;
    }

    /** log P_t(x) of the noised law at ᾱ, normalisation included. */
    double logDensity(double[] x, double abar) {
        double g = gamma(abar);
        double e = Math.sqrt(abar);
        double squares = 0;
        double sum = 0;
        for (double xi : x) {
            squares += xi * xi;
            sum += xi;
        }
        double h = e * sum / g;
        // log cosh h, stable for large |h|
        double logCosh = Math.abs(h) + Math.log1p(Math.exp(-2 * Math.abs(h))) - Math.log(2);
        return -0.5 * dimension * Math.log(2 * Math.PI * g) - (squares + abar * dimension) / (2 * g) + logCosh;
    }

    /**
     * Writes the score ∇ log P_t(x) = −x/Γ + (√ᾱ m/Γ)·tanh(√ᾱ m·x/Γ) into {@code out}; no
     * allocation.
     */
    @Override
    public void score(double[] x, double abar, double[] out) {
        double g = gamma(abar);
        double e = Math.sqrt(abar);
        double sum = 0;
        for (double xi : x) {
            sum += xi;
        }
        double pull = e / g * Math.tanh(e * sum / g);
        for (int i = 0; i < dimension; i++) {
            out[i] = -x[i] / g + pull;
        }
    }

    /**
     * The probability that the exact backward process from x_t ends in class + (m·x_0 &gt; 0): the
     * posterior of x_0 given x_t, which only depends on q = m·x_t/|m|. Given the component ±, q_0 =
     * m·x_0/|m| is Gaussian with variance v = σ²(1 − ᾱ)/Γ and mean (±|m|(1 − ᾱ) + σ²√ᾱ q)/Γ; the
     * components' posterior weights are logistic in 2|m|√ᾱ q/Γ.
     */
    @Override
    public double plusProbability(double[] x, double abar) {
        return plusProbability(projection(x), abar);
    }

    /** {@link #plusProbability(double[], double)} from q = m·x/|m|. */
    double plusProbability(double q, double abar) {
        double g = gamma(abar);
        double e = Math.sqrt(abar);
        double norm = Math.sqrt(dimension);
        double plusWeight = 1 / (1 + Math.exp(-2 * norm * e * q / g));
        double v = sigma * sigma * (1 - abar) / g;
        if (v == 0) {
            return q > 0 ? 1 : 0;
        }
        double sd = Math.sqrt(v);
        double plus = normalCdf((norm * (1 - abar) + sigma * sigma * e * q) / g / sd);
        double minus = normalCdf((-norm * (1 - abar) + sigma * sigma * e * q) / g / sd);
        return plusWeight * plus + (1 - plusWeight) * minus;
    }

    @Override
    public double[] sample(RandomGenerator rng) {
        double sign = rng.nextBoolean() ? 1 : -1;
        double[] x = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            x[i] = sign + sigma * rng.nextGaussian();
        }
        return x;
    }

    /** m·x/|m|. */
    static double projection(double[] x) {
        double sum = 0;
        for (double xi : x) {
            sum += xi;
        }
        return sum / Math.sqrt(x.length);
    }

    private static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }
}
