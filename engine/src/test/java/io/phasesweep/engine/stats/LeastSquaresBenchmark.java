package io.phasesweep.engine.stats;

import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

import java.util.SplittableRandom;

/**
 * {@link LeastSquares} (LAPACK QR) against the normal equations it replaced (XᵀX solved by
 * commons-math3's LU), in one run: the error of the fitted parameters on a corrected power law
 * ({@link LeastSquaresTest#correctedPowerLaw}), whose two columns grow collinear as ω → 0, and the time per weighted fit on the
 * shapes the analysis fits. Not a test; run with {@code bench/linear-algebra.sh}.
 */
public final class LeastSquaresBenchmark {
    private static final double[] OMEGAS = {0.5, 0.1, 0.01, 0.001};
    private static final int[][] SHAPES = {{4, 1}, {8, 2}, {12, 3}, {40, 4}};

    private LeastSquaresBenchmark() {
    }

    public static void main(String[] args) {
        for (double omega : OMEGAS) {
            LeastSquaresTest.Problem p = LeastSquaresTest.correctedPowerLaw(omega);
            System.out.printf("power law + correction, omega %.3f: parameter error, normal equations %.1e, QR %.1e%n",
                    omega, error(normalEquations(p.design(), p.y(), p.sigma())),
                    error(LeastSquares.weighted(p.design(), p.y(), p.sigma()).params()));
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            System.out.println(round == 0 ? "# warm-up" : "# measured");
            for (int[] shape : SHAPES) {
                int m = shape[0];
                int n = shape[1];
                double[][] x = new double[m][n];
                double[] y = new double[m];
                double[] sigma = new double[m];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        x[i][j] = random.nextDouble();
                    }
                    y[i] = random.nextDouble();
                    sigma[i] = 0.5 + random.nextDouble();
                }
                int reps = 400_000 / m;
                double sink = 0;
                long t0 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    sink += normalEquations(x, y, sigma)[0];
                }
                long t1 = System.nanoTime();
                for (int r = 0; r < reps; r++) {
                    sink += LeastSquares.weighted(x, y, sigma).params()[0];
                }
                long t2 = System.nanoTime();
                System.out.printf("weighted fit %dx%d: normal equations %.1f us, QR %.1f us (%.1fx)%s%n", m, n,
                        (t1 - t0) / 1e3 / reps, (t2 - t1) / 1e3 / reps, (double) (t2 - t1) / (t1 - t0),
                        Double.isFinite(sink) ? "" : " (not finite)");
            }
        }
    }

    /** Largest deviation from the true parameters (1, 1). */
    private static double error(double[] p) {
        return Math.max(Math.abs(p[0] - 1), Math.abs(p[1] - 1));
    }

    /** The parameters as LeastSquares computed them before: (XᵀX)⁻¹Xᵀy of the weighted problem, by LU. */
    private static double[] normalEquations(double[][] design, double[] y, double[] sigma) {
        RealMatrix a = MatrixUtils.createRealMatrix(design);
        RealVector b = MatrixUtils.createRealVector(y);
        for (int i = 0; i < y.length; i++) {
            a.setRowVector(i, a.getRowVector(i).mapDivide(sigma[i]));
            b.setEntry(i, y[i] / sigma[i]);
        }
        RealMatrix normal = a.transpose().multiply(a);
        return new LUDecomposition(normal).getSolver().getInverse().operate(a.transpose().operate(b)).toArray();
    }
}
