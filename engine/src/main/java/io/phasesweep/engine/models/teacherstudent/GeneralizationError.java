package io.phasesweep.engine.models.teacherstudent;

import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.special.Gamma;

/**
 * The exact test error of a linear student w on the teacher y = sign(x₁): the probability over a
 * fresh input that sign(w·x) ≠ sign(x₁). It replaces a sampled test set: no test noise, no extra
 * random numbers.
 *
 * <p>With a = w₁/|w_⊥| and w·x = w₁x₁ + |w_⊥|·g (g standard normal, independent of x₁), for a ≥ 0
 * ε = E[Φ(−a|x₁|)] = ∫₀^∞ φ(z) · P(|x₁| &lt; z/a) dz, where P(|x₁| &lt; t) is the regularised incomplete
 * gamma function P((χ+1)/2, t²/2); for a &lt; 0, ε = 1 − ε(−a). For χ = 0 this is arccos(w₁/|w|)/π.
 */
final class GeneralizationError {
    /** φ(12) ≈ 1e-32: the integrand is negligible beyond. */
    private static final double Z_MAX = 12.0;

    private GeneralizationError() {
    }

    static double of(double[] w, double chi) {
        double w1 = w[0];
        double perp2 = 0;
        for (int i = 1; i < w.length; i++) {
            perp2 += w[i] * w[i];
        }
        if (perp2 == 0) {
            return w1 > 0 ? 0.0 : w1 < 0 ? 1.0 : 0.5;
        }
        double a = w1 / Math.sqrt(perp2);
        double epsilon = forPositiveRatio(Math.abs(a), chi);
        return a >= 0 ? epsilon : 1.0 - epsilon;
    }

    private static double forPositiveRatio(double a, double chi) {
        if (a == 0) {
            return 0.5;
        }
        double shape = (chi + 1.0) / 2.0;
        // P(shape, z²/2a²) ~ z^(χ+1) at z = 0 is not smooth for non-integer χ, which stalls
        // Gauss–Legendre; with z = u⁴ the integrand behaves as u^(4χ+7) there and converges fast.
        IterativeLegendreGaussIntegrator integrator = new IterativeLegendreGaussIntegrator(32, 1e-12, 1e-14);
        double phi0 = 1.0 / Math.sqrt(2.0 * Math.PI);
        return integrator.integrate(1_000_000, u -> {
            double u2 = u * u;
            double z = u2 * u2;
            return 4.0 * u2 * u * phi0 * Math.exp(-0.5 * z * z) * Gamma.regularizedGammaP(shape, 0.5 * (z / a) * (z / a));
        }, 0.0, Math.sqrt(Math.sqrt(Z_MAX)));
    }
}
