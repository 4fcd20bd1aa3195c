package io.phasesweep.engine.models.speciation;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Curie–Weiss data: N spins s_i = ±1 with P(s) ∝ exp(β M²/(2N)), M = Σ s_i, in its ordered phase
 * for β &gt; 1 (two classes, the sign of M). Noised by the OU process, x_t = √ᾱ s + √Δ z, Δ = 1 − ᾱ;
 * the Hubbard–Stratonovich identity exp(βM²/2N) ∝ ∫ dλ exp(−Nλ²/2β + λM) makes the spins
 * independent at fixed λ, so with a_i = √ᾱ x_i/Δ
 *
 * <pre>  P_t(x) ∝ exp(−|x|²/2Δ) ∫ dλ exp(g(λ)),   g(λ) = −Nλ²/2β + Σ_i log cosh(λ + a_i),</pre>
 *
 * a one-dimensional integral, and the score is −x_i/Δ + (√ᾱ/Δ)·⟨tanh(λ + a_i)⟩_g. The integral is a
 * trapezoid sum on a grid covering the maxima of g (|λ| ≤ β) with margins of many widths
 * √(β/N); g is smooth and decays like a Gaussian, for which the trapezoid rule converges
 * exponentially in the grid density. A peak of exp(g) is at least √(β/N) wide (g'' ≥ −N/β), and the
 * grid has at least 257 points and a spacing of at most a quarter of that width, so it grows like √N.
 */
final class CurieWeiss implements DataLaw {
    private static final int MIN_GRID = 257;

    private final int spins;
    private final double beta;
    /** log P(n up spins), n = 0…N. */
    private final double[] logWeights;
    private final double[] lambda;
    private final double[] logIntegrand;
    private final double[] a;

    CurieWeiss(int spins, double beta) {
        this.spins = spins;
        this.beta = beta;
        this.a = new double[spins];
        logWeights = new double[spins + 1];
        double logBinomial = 0;
        for (int n = 0; n <= spins; n++) {
            if (n > 0) {
                logBinomial += Math.log(spins - n + 1) - Math.log(n);
            }
            double m = 2 * n - spins;
            logWeights[n] = logBinomial + beta * m * m / (2 * spins);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double w : logWeights) {
            max = Math.max(max, w);
        }
        double total = 0;
        for (double w : logWeights) {
            total += Math.exp(w - max);
        }
        for (int n = 0; n <= spins; n++) {
            logWeights[n] -= max + Math.log(total);
        }
        double width = Math.sqrt(beta / spins);
        double reach = beta + 1 + 10 * width;
        int grid = Math.max(MIN_GRID, (int) Math.ceil(2 * reach / (width / 4)) + 1);
        lambda = new double[grid];
        logIntegrand = new double[grid];
        for (int k = 0; k < grid; k++) {
            lambda[k] = -reach + 2 * reach * k / (grid - 1);
        }
    }

    @Override
    public int dimension() {
        return spins;
    }

    /** E[s sᵀ] = (1 − c) I + c 11ᵀ, c = E[s_i s_j]: its top eigenvalue is E[M²]/N. */
    @Override
    public double topEigenvalue() {
        double m2 = 0;
        for (int n = 0; n <= spins; n++) {
            double m = 2 * n - spins;
            m2 += Math.exp(logWeights[n]) * m * m;
        }
        return m2 / spins;
    }

    /** The number of up spins from its exact law, then which spins, uniformly. */
    @Override
    public double[] sample(RandomGenerator rng) {
        double u = rng.nextDouble();
        int up = 0;
        double cumulative = Math.exp(logWeights[0]);
        while (up < spins && cumulative < u) {
            up++;
            cumulative += Math.exp(logWeights[up]);
        }
        double[] s = new double[spins];
        int[] order = new int[spins];
        for (int i = 0; i < spins; i++) {
            order[i] = i;
            s[i] = -1;
        }
        for (int r = 0; r < up; r++) {
            int pick = r + rng.nextInt(spins - r);
            int chosen = order[pick];
            order[pick] = order[r];
            order[r] = chosen;
            s[chosen] = 1;
        }
        return s;
    }

    /** Fills a_i and log of the trapezoid integrand on the grid; returns its maximum. */
    private double integrand(double[] x, double abar) {
        double delta = 1 - abar;
        double e = Math.sqrt(abar);
        for (int i = 0; i < spins; i++) {
            a[i] = e * x[i] / delta;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < lambda.length; k++) {
            double l = lambda[k];
            double g = -spins * l * l / (2 * beta);
            for (int i = 0; i < spins; i++) {
                g += logCosh(l + a[i]);
            }
            logIntegrand[k] = g;
            max = Math.max(max, g);
        }
        return max;
    }

    /** log P_t(x) up to a constant that depends on ᾱ only (the same quadrature as the score). */
    double logDensity(double[] x, double abar) {
        double max = integrand(x, abar);
        double sum = 0;
        for (int k = 0; k < lambda.length; k++) {
            sum += Math.exp(logIntegrand[k] - max);
        }
        double squares = 0;
        for (double xi : x) {
            squares += xi * xi;
        }
        return -squares / (2 * (1 - abar)) + max + Math.log(sum);
    }

    @Override
    public void score(double[] x, double abar, double[] out) {
        double max = integrand(x, abar);
        double delta = 1 - abar;
        double e = Math.sqrt(abar);
        for (int i = 0; i < spins; i++) {
            out[i] = 0;
        }
        double total = 0;
        for (int k = 0; k < lambda.length; k++) {
            double w = Math.exp(logIntegrand[k] - max);
            if (w < 1e-300) {
                continue;
            }
            total += w;
            for (int i = 0; i < spins; i++) {
                out[i] += w * Math.tanh(lambda[k] + a[i]);
            }
        }
        for (int i = 0; i < spins; i++) {
            out[i] = -x[i] / delta + e / delta * out[i] / total;
        }
    }

    /**
     * At fixed λ the spins are independent with P(s_i = +1) = (1 + tanh(λ + a_i))/2; the law of the
     * number of up spins is a Poisson-binomial by dynamic programming, O(N²) per grid point.
     */
    @Override
    public double plusProbability(double[] x, double abar) {
        if (abar == 1) {
            double sum = GaussianMixture.projection(x);
            return sum > 0 ? 1 : sum == 0 ? 0.5 : 0;
        }
        double max = integrand(x, abar);
        double[] count = new double[spins + 1];
        double total = 0;
        double plus = 0;
        for (int k = 0; k < lambda.length; k++) {
            double w = Math.exp(logIntegrand[k] - max);
            if (w < 1e-300) {
                continue;
            }
            Arrays.fill(count, 0);
            count[0] = 1;
            for (int i = 0; i < spins; i++) {
                double p = 0.5 * (1 + Math.tanh(lambda[k] + a[i]));
                for (int n = i + 1; n >= 1; n--) {
                    count[n] = count[n] * (1 - p) + count[n - 1] * p;
                }
                count[0] *= 1 - p;
            }
            double above = 0;
            for (int n = 0; n <= spins; n++) {
                int m = 2 * n - spins;
                above += m > 0 ? count[n] : m == 0 ? 0.5 * count[n] : 0;
            }
            total += w;
            plus += w * above;
        }
        return plus / total;
    }

    private static double logCosh(double y) {
        double abs = Math.abs(y);
        return abs + Math.log1p(Math.exp(-2 * abs)) - Math.log(2);
    }
}
