package io.phasesweep.engine.models.spiked;

/**
 * The spectral measure of the unit spike u = v/√N with respect to the noise W/√N: its eigenvalues
 * μ_i (ascending) and the weights c_i² = (u·w_i)², which sum to 1. For Y = W/√N + λ u uᵀ it gives
 * every λ at O(N) each: the top eigenvalue z > μ_max solves the secular equation
 * 1 = λ Σ c_i²/(z − μ_i), its eigenvector is ∝ Σ c_i/(z − μ_i) w_i, so
 * (u·x)² = [Σ c_i²/(z − μ_i)]² / Σ c_i²/(z − μ_i)².
 */
public record SpectralMeasure(double[] eigenvalues, double[] weights) {

    /** The top eigenvalue of Y and (v·x)²/N for its unit eigenvector x. */
    public record Outlier(double top, double overlap2) { }

    private static final int MAX_NEWTON_STEPS = 2000;

    /**
     * Eigenvalues μ_i of T and the squared first components of its eigenvectors from the
     * eigenvalues θ_j of T without its first row and column:
     * c_i² = Π_j (μ_i − θ_j) / Π_{j≠i} (μ_i − μ_j). Both spectra by dsterf, the products in O(N²),
     * paired by interlacing (μ_j < θ_j < μ_(j+1)) so that every factor lies in (0, 1).
     */
    public static SpectralMeasure of(Tridiagonal t) {
        double[] mu = t.eigenvalues(0);
        double[] theta = t.eigenvalues(1);
        int n = mu.length;
        double[] w = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double product = 1.0;
            int exponent = 0;
            for (int j = 0; j < n - 1; j++) {
                double partner = j < i ? mu[j] : mu[j + 1];
                product *= Math.abs((mu[i] - theta[j]) / (mu[i] - partner));
                if ((j & 31) == 31 && product != 0) {
                    int e = Math.getExponent(product);
                    exponent += e;
                    product = Math.scalb(product, -e);
                }
            }
            w[i] = Math.scalb(product, exponent);
            sum += w[i];
        }
        // Σ c_i² = 1 exactly; a larger miss means a near-degenerate pair spoilt the products.
        if (!(Math.abs(sum - 1.0) < 1e-8)) {
            throw new IllegalStateException("spectral weights sum to " + sum + " instead of 1");
        }
        for (int i = 0; i < n; i++) {
            w[i] /= sum;
        }
        return new SpectralMeasure(mu, w);
    }

    /**
     * Solves φ(δ) = Σ c_i²/(δ + μ_max − μ_i) − 1/λ = 0 for δ = z − μ_max > 0 by Newton's method
     * from the left: φ is convex and decreasing there, so the iterates rise monotonically to the
     * root. It starts at δ = λ·c_max², where the top term alone makes φ ≥ 0; near the pole a step
     * about doubles δ, so even c_max² = 1e-30 takes only ~100 steps.
     */
    public Outlier outlier(double lambda) {
        int n = eigenvalues.length;
        double muMax = eigenvalues[n - 1];
        if (lambda == 0) {
            return new Outlier(muMax, weights[n - 1]);
        }
        // An underflowed top weight still needs δ > 0; z is then μ_max to rounding.
        double delta = Math.max(lambda * weights[n - 1], Math.ulp(muMax));
        for (int step = 0; step < MAX_NEWTON_STEPS; step++) {
            double s1 = 0;
            double s2 = 0;
            for (int i = 0; i < n; i++) {
                double r = 1.0 / (delta + (muMax - eigenvalues[i]));
                double wr = weights[i] * r;
                s1 += wr;
                s2 += wr * r;
            }
            double phi = s1 - 1.0 / lambda;
            double next = delta + phi / s2;
            if (phi <= 0 || next - delta <= 1e-15 * delta) {
                return new Outlier(muMax + delta, s1 * s1 / s2);
            }
            delta = next;
        }
        throw new IllegalStateException("secular equation did not converge at λ = " + lambda);
    }
}
