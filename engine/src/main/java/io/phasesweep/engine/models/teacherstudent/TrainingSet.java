package io.phasesweep.engine.models.teacherstudent;

import java.util.random.RandomGenerator;

/**
 * P inputs x ∈ ℝ^d with labels y = sign(x₁) from the teacher e₁. The informative component has
 * density ∝ |x₁|^χ e^(−x₁²/2) (χ = 0: Gaussian), so that χ > 0 depletes the data near the decision
 * boundary; the other d − 1 components are standard Gaussian.
 *
 * @param inputs row-major P×d
 */
public record TrainingSet(int p, int d, double chi, double[] inputs, double[] labels) {

    /** Draws the P inputs row by row from {@code disorder}. */
    public static TrainingSet draw(int p, int d, double chi, RandomGenerator disorder) {
        double[] x = new double[p * d];
        double[] y = new double[p];
        for (int mu = 0; mu < p; mu++) {
            double x1 = informativeComponent(chi, disorder);
            x[mu * d] = x1;
            y[mu] = x1 > 0 ? 1.0 : -1.0;
            for (int i = 1; i < d; i++) {
                x[mu * d + i] = disorder.nextGaussian();
            }
        }
        return new TrainingSet(p, d, chi, x, y);
    }

    /**
     * x₁ with density ∝ |x₁|^χ e^(−x₁²/2): |x₁| = √(2G) with G ~ Gamma((χ+1)/2, 1), and a fair sign.
     */
    static double informativeComponent(double chi, RandomGenerator rng) {
        double magnitude = Math.sqrt(2.0 * gamma((chi + 1.0) / 2.0, rng));
        return rng.nextBoolean() ? magnitude : -magnitude;
    }

    /**
     * Gamma(shape, 1) variate by Marsaglia &amp; Tsang (2000); for shape &lt; 1 through
     * Gamma(shape + 1)·U^(1/shape).
     */
    static double gamma(double shape, RandomGenerator rng) {
        if (shape < 1.0) {
            return gamma(shape + 1.0, rng) * Math.pow(1.0 - rng.nextDouble(), 1.0 / shape);
        }
        double dd = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * dd);
        while (true) {
            double z = rng.nextGaussian();
            double v = 1.0 + c * z;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * z * z + dd - dd * v + dd * Math.log(v)) {
                return dd * v;
            }
        }
    }

    /** The same data with its samples in another order: row k of the result is row order[k] here. */
    public TrainingSet reordered(int[] order) {
        double[] x = new double[inputs.length];
        double[] y = new double[p];
        for (int k = 0; k < p; k++) {
            System.arraycopy(inputs, order[k] * d, x, k * d, d);
            y[k] = labels[order[k]];
        }
        return new TrainingSet(p, d, chi, x, y);
    }
}
