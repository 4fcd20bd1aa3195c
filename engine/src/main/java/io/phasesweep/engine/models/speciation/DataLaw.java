package io.phasesweep.engine.models.speciation;

import java.util.random.RandomGenerator;

/**
 * A data law in dimension d with two classes (the sign of m·x, m = (1, …, 1)), and what the backward
 * diffusion needs of its Ornstein–Uhlenbeck-noised law at ᾱ = e^(−2t): the exact score and the exact
 * probability that the backward process from x_t ends in class +.
 */
interface DataLaw {

    int dimension();

    /** The largest eigenvalue Λ of the data covariance: speciation at t_s = ½ log Λ. */
    double topEigenvalue();

    /** One datum x_0, drawn from {@code rng}. */
    double[] sample(RandomGenerator rng);

    /** Writes ∇ log P_t(x) into {@code out}, 0 &lt; ᾱ &lt; 1; no allocation. */
    void score(double[] x, double abar, double[] out);

    /** P(m·x_0 &gt; 0 | x_t = x), ties (m·x_0 = 0) counted as half. */
    double plusProbability(double[] x, double abar);
}
