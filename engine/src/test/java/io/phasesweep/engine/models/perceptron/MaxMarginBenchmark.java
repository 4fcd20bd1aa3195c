package io.phasesweep.engine.models.perceptron;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.sweep.Seeds;
import org.netlib.util.intW;

import java.util.Arrays;

/**
 * The max-margin solver's hand-written parts against the libraries, in one run, so the ratios
 * compare like with like (docs/linear-algebra.md quotes them). Not a test; run with
 * {@code bench/linear-algebra.sh}.
 * <ol>
 * <li>NNLS: the engine's Lawson–Hanson against Breeze's {@code NNLS} (projected conjugate gradient,
 * the one NNLS of the stack) on the perceptron's own problems, each answer put through the solver's
 * certificate check: time, and whether the answer proves anything.
 * <li>The passive block's Cholesky factor after one index enters or leaves, as each Lawson–Hanson
 * step needs it: {@link CholeskyBlock}'s O(k²) update against LAPACK's dpotrf + dpotrs from scratch,
 * O(k³) (LAPACK and Breeze have no Cholesky update or downdate).
 * <li>The Gram matrix a_μ·a_ν + 1, O(P²N): the plain loop against BLAS dsyrk.
 * </ol>
 */
public final class MaxMarginBenchmark {
    private static final int N = 100;
    private static final double[] ALPHAS = {1.5, 2.0, 2.5};
    private static final int SAMPLES = 4;
    private static final int REPEATS = 3;
    private static final int[] BLOCKS = {50, 100, 200, 400};

    private MaxMarginBenchmark() {
    }

    public static void main(String[] args) {
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            System.out.println(round == 0 ? "# warm-up" : "# measured");
            nnls();
            cholesky();
            gram();
        }
    }

    private static void nnls() {
        for (double alpha : ALPHAS) {
            int p = (int) Math.round(alpha * N);
            long ours = 0;
            long breeze = 0;
            int certified = 0;
            for (int r = 0; r < SAMPLES; r++) {
                double[][] a = PerceptronModel.patterns(p, N, false, Seeds.generator(Seeds.disorder(1, N, r)));
                double[][] g = MaxMarginSolver.gram(a);
                double[] exact = null;
                double[] u = null;
                long oursBest = Long.MAX_VALUE;
                long breezeBest = Long.MAX_VALUE;
                for (int repeat = 0; repeat < REPEATS; repeat++) { // the best of a few, alternating: the machine is shared
                    long t0 = System.nanoTime();
                    exact = MaxMarginSolver.nnls(g, Deadline.none());
                    long t1 = System.nanoTime();
                    u = BreezeNnls.solve(g);
                    long t2 = System.nanoTime();
                    oursBest = Math.min(oursBest, t1 - t0);
                    breezeBest = Math.min(breezeBest, t2 - t1);
                }
                ours += oursBest;
                breeze += breezeBest;
                MaxMarginSolver.certified(a, exact);
                try {
                    MaxMarginSolver.certified(a, u);
                    certified++;
                } catch (ArithmeticException e) {
                    // Breeze's answer too far from the optimum for the certificate: by how much
                    System.out.println("  Breeze, P=" + p + " sample " + r + ": " + e.getMessage());
                }
            }
            System.out.printf("nnls N=%d P=%d: Lawson-Hanson %.1f ms, Breeze %.1f ms (%.1fx); Breeze certified %d of %d%n",
                    N, p, ours / 1e6 / SAMPLES, breeze / 1e6 / SAMPLES, (double) breeze / ours, certified, SAMPLES);
        }
    }

    private static void cholesky() {
        for (int k : BLOCKS) {
            double[][] g = MaxMarginSolver.gram(PerceptronModel.patterns(k + 1, 2 * k, false, Seeds.generator(k)));
            CholeskyBlock block = new CholeskyBlock(g);
            for (int t = 0; t < k; t++) {
                block.add(t);
            }
            double[] z = new double[k + 1];
            int reps = Math.max(20, 2_000_000 / (k * k));
            long t0 = System.nanoTime();
            for (int r = 0; r < reps; r++) {
                // an index leaves from the middle and comes back at the end: two steps of the loop
                int leaving = block.index(k / 2);
                block.remove(k / 2);
                block.solveOnes(z);
                block.add(leaving);
                block.solveOnes(z);
            }
            long t1 = System.nanoTime();
            double sink = 0;
            for (int r = 0; r < reps; r++) {
                sink += refactored(g, k - 1)[0] + refactored(g, k)[0];
            }
            long t2 = System.nanoTime();
            double update = (t1 - t0) / 1e3 / (2.0 * reps);
            double lapack = (t2 - t1) / 1e3 / (2.0 * reps);
            System.out.printf("cholesky step, block %d: update %.1f us, LAPACK dpotrf+dpotrs %.1f us (%.1fx)%s%n",
                    k, update, lapack, lapack / update, Double.isFinite(sink) ? "" : " (not finite)");
        }
    }

    private static void gram() {
        for (int n : new int[]{100, 200, 400}) {
            double[][] a = PerceptronModel.patterns(2 * n, n, false, Seeds.generator(n));
            long loop = Long.MAX_VALUE;
            long blas = Long.MAX_VALUE;
            for (int repeat = 0; repeat < REPEATS; repeat++) {
                long t0 = System.nanoTime();
                MaxMarginSolver.gram(a);
                long t1 = System.nanoTime();
                dsyrkGram(a);
                long t2 = System.nanoTime();
                loop = Math.min(loop, t1 - t0);
                blas = Math.min(blas, t2 - t1);
            }
            System.out.printf("gram N=%d P=%d: loop %.1f ms, BLAS dsyrk %.1f ms (%.2fx), %s%n", n, 2 * n, loop / 1e6,
                    blas / 1e6, (double) blas / loop,
                    Arrays.deepEquals(dsyrkGram(a), MaxMarginSolver.gram(a)) ? "same bits" : "different bits");
        }
    }

    /** a_μ·a_ν + 1 by dsyrk on the rows laid out as the columns of an N×P column-major matrix. */
    private static double[][] dsyrkGram(double[][] a) {
        int p = a.length;
        int n = a[0].length;
        double[] columns = new double[p * n];
        for (int mu = 0; mu < p; mu++) {
            System.arraycopy(a[mu], 0, columns, mu * n, n);
        }
        double[] c = new double[p * p];
        BLAS.getInstance().dsyrk("L", "T", p, n, 1.0, columns, n, 0.0, c, p);
        double[][] g = new double[p][p];
        for (int j = 0; j < p; j++) {
            for (int i = j; i < p; i++) {
                g[i][j] = c[j * p + i] + 1.0;
                g[j][i] = g[i][j];
            }
        }
        return g;
    }

    /** G[S,S] z = 1 for S = {0..size}, factored from scratch as LAPACK would have to. */
    private static double[] refactored(double[][] g, int size) {
        int m = size + 1;
        double[] block = new double[m * m];
        for (int j = 0; j < m; j++) {
            for (int i = j; i < m; i++) {
                block[j * m + i] = g[i][j];
            }
        }
        double[] z = new double[m];
        Arrays.fill(z, 1.0);
        intW info = new intW(0);
        LAPACK.getInstance().dpotrf("L", m, block, m, info);
        LAPACK.getInstance().dpotrs("L", m, 1, block, m, z, m, info);
        return z;
    }
}
