package io.phasesweep.engine.models.spiked;

import java.util.random.RandomGenerator;

/**
 * One sample of Y = (λ/N)·v vᵀ + W/√N: the spike v (|v|² = N) and the GOE matrix W (off-diagonal
 * variance 1, diagonal variance 2), drawn once so that the same sample can be followed across λ.
 */
public final class SpikedWigner {

    public enum Prior { RADEMACHER, GAUSSIAN }

    private final int n;
    private final double[] spike;
    private final double[] noise;

    private SpikedWigner(int n, double[] spike, double[] noise) {
        this.n = n;
        this.spike = spike;
        this.noise = noise;
    }

    /** Draws v, then the upper triangle of W row by row, from {@code disorder}. */
    public static SpikedWigner draw(int n, Prior prior, RandomGenerator disorder) {
        double[] v = new double[n];
        double norm2 = 0;
        for (int i = 0; i < n; i++) {
            v[i] = prior == Prior.RADEMACHER ? (disorder.nextBoolean() ? 1.0 : -1.0) : disorder.nextGaussian();
            norm2 += v[i] * v[i];
        }
        // A Gaussian spike is rescaled to |v|² = N exactly, so that λ alone sets the signal strength.
        double scale = Math.sqrt(n / norm2);
        for (int i = 0; i < n; i++) {
            v[i] *= scale;
        }
        double[] w = new double[n * n];
        for (int i = 0; i < n; i++) {
            w[i + i * n] = Math.sqrt(2.0) * disorder.nextGaussian();
            for (int j = i + 1; j < n; j++) {
                double g = disorder.nextGaussian();
                w[i + j * n] = g;
                w[j + i * n] = g;
            }
        }
        return new SpikedWigner(n, v, w);
    }

    public int size() {
        return n;
    }

    /** The spike v (a copy). */
    public double[] spike() {
        return spike.clone();
    }

    /** Y at this λ, column-major N×N (symmetric, both triangles filled). */
    public double[] matrix(double lambda) {
        double[] y = new double[n * n];
        double noiseScale = 1.0 / Math.sqrt(n);
        double spikeScale = lambda / n;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                y[i + j * n] = noiseScale * noise[i + j * n] + spikeScale * spike[i] * spike[j];
            }
        }
        return y;
    }
}
