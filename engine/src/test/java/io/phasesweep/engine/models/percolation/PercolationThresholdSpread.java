package io.phasesweep.engine.models.percolation;

import io.phasesweep.engine.sweep.Seeds;
import org.apache.commons.math3.special.Erf;

import java.util.Locale;

/**
 * How the model's wrapping thresholds spread with L, for the percolation world
 * ({@code PercolationRefinementBenchmark}): for each L, REPLICAS occupation orders (L = 256: a
 * quarter), the threshold n_r / N at which a cluster first wraps, its mean and standard deviation
 * in units of L^(−3/4) around p_c (the canonical spread), and the curve in p, the mean over
 * replicas of P(Binomial(N, p) ≥ n_r), at scaled distances x = (p − p_c) L^(3/4), printed as its
 * normal quantile z = Φ⁻¹(R): a curve that keeps its shape under 1/ν = 3/4 prints the same z at
 * every L. Not a test:
 * {@code java -cp "engine/target/test-classes:engine/target/classes:$(cat engine/target/test-classpath.txt)"
 * io.phasesweep.engine.models.percolation.PercolationThresholdSpread 8000}.
 */
public final class PercolationThresholdSpread {
    private static final double CRITICAL_P = 0.5927462;
    private static final double[] SCALED_P = {-1.2, -0.8, -0.4, 0, 0.4, 0.8, 1.2};

    private PercolationThresholdSpread() {
    }

    /** @param args the number of replicas per size */
    public static void main(String[] args) {
        int replicas = Integer.parseInt(args[0]);
        for (int size : new int[] {16, 32, 64, 128, 256}) {
            Lattice lattice = new Lattice(size, 2);
            int n = size == 256 ? replicas / 4 : replicas;
            int[] thresholds = new int[n];
            double sum = 0;
            double sum2 = 0;
            for (int r = 0; r < n; r++) {
                int[] order = PercolationModel.randomOrder(lattice.sites(), Seeds.generator(Seeds.disorder(1, size, r)));
                thresholds[r] = NewmanZiff.run(lattice, order).firstWrap();
                double t = (thresholds[r] / (double) lattice.sites() - CRITICAL_P) * Math.pow(size, 0.75);
                sum += t;
                sum2 += t * t;
            }
            double mean = sum / n;
            double spread = Math.sqrt(sum2 / n - mean * mean);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "L = %3d, %d replicas: mean %.4f +- %.4f, spread %.4f +- %.4f; z(x):",
                    size, n, mean, spread / Math.sqrt(n), spread, spread / Math.sqrt(2.0 * n)));
            for (double x : SCALED_P) {
                BinomialConvolution at = new BinomialConvolution(lattice.sites(), CRITICAL_P + x * Math.pow(size, -0.75));
                double wraps = 0;
                for (int threshold : thresholds) {
                    wraps += at.tail(threshold);
                }
                line.append(String.format(Locale.ROOT, " %.1f: %.3f", x, Math.sqrt(2) * Erf.erfInv(2 * wraps / n - 1)));
            }
            System.out.println(line);
        }
    }
}
