package io.phasesweep.engine.models.ising;

/**
 * The exact partition function of the L×L periodic square-lattice Ising model (J = 1, h = 0,
 * K = 1/T), Kaufman 1949 in the form of Ferdinand and Fisher, Phys. Rev. 185, 832 (1969), eq. (2.1):
 * <pre>
 *   Z = ½ (2 sinh 2K)^(N/2) (Z1 + Z2 + Z3 + Z4),   N = L²,
 *   Z1 = Π_{r=0}^{L−1} 2 cosh(L γ_{2r+1}/2),  Z2 = Π 2 sinh(L γ_{2r+1}/2),
 *   Z3 = Π_{r=0}^{L−1} 2 cosh(L γ_{2r}/2),    Z4 = Π 2 sinh(L γ_{2r}/2),
 *   cosh γ_k = cosh 2K coth 2K − cos(πk/L) for k ≥ 1,   γ_0 = 2K + ln tanh K.
 * </pre>
 * γ_0 changes sign at K_c (negative above T_c), and so does Z4; the other factors are positive.
 * The products overflow a double at L ≈ 30, so each Z_i is written as e^(a_i) P_i with
 * a_i = Σ_r ln 2cosh x_r (x_r = L γ/2) and P_i the product of the ratios, 1 for a cosh factor and
 * tanh x_r for a sinh factor; ln Z and its K derivative are then sums of logarithms and a weighted
 * mean over the four terms. The derivative is analytic (product rule on P_i, carried along the
 * product so that the zero of Z4 at K_c needs no division), so the energy is exact to rounding.
 * With s = sinh 2K, cosh γ_k − 1 = (s − 1)²/s + 2 sin²(πk/2L): no cancellation near K_c, where
 * γ_k → 0 for the small k.
 */
final class KaufmanTorus {
    private final int size;
    private final double coupling;

    /** The L×L torus at K = 1/T. */
    KaufmanTorus(int size, double temperature) {
        if (size < 2) {
            throw new IllegalArgumentException("L >= 2, got " + size);
        }
        this.size = size;
        this.coupling = 1 / temperature;
    }

    /** ln Z. */
    double logZ() {
        return sum().logZ;
    }

    /** ⟨E⟩/N = −(1/N) ∂ ln Z/∂K (J = 1, so ∂_K = ∂_β). */
    double energy() {
        return -sum().dLogZ / ((double) size * size);
    }

    /**
     * c = d⟨e⟩/dT per spin, by a central difference of the analytic energy in T with step δ = 1e-5:
     * truncation (δ²/6) d³e/dT³ ≈ 2e-9 at L = 32 near T_c (growing as L²), rounding of the energies (1e-15) / δ ≈ 1e-10.
     */
    double specificHeat() {
        double temperature = 1 / coupling;
        double step = 1e-5;
        return (new KaufmanTorus(size, temperature + step).energy()
                - new KaufmanTorus(size, temperature - step).energy()) / (2 * step);
    }

    /** ⟨e²⟩ = ⟨e⟩² + c T²/N, what the model reports as {@code e2}. */
    double energySquared() {
        double e = energy();
        return e * e + specificHeat() / (coupling * coupling * size * size);
    }

    private record LogSum(double logZ, double dLogZ) {
    }

    /** One of Z1..Z4 as e^a P, with the K derivatives a' and P'. */
    private record Term(double a, double da, double p, double dp) {
    }

    private LogSum sum() {
        double k = coupling;
        double s = Math.sinh(2 * k);
        // d/dK of cosh 2K coth 2K = cosh² 2K / sinh 2K
        double dc = 2 * Math.cosh(2 * k) * (s * s - 1) / (s * s);
        Term[] terms = {
                term(false, true, dc, s), term(true, true, dc, s),
                term(false, false, dc, s), term(true, false, dc, s)};
        double top = Double.NEGATIVE_INFINITY;
        for (Term t : terms) {
            top = Math.max(top, t.a);
        }
        double z = 0;
        double dz = 0;
        for (Term t : terms) {
            double w = Math.exp(t.a - top);
            z += w * t.p;
            dz += w * (t.da * t.p + t.dp);
        }
        double n = (double) size * size;
        double logZ = Math.log(0.5) + n / 2 * Math.log(2 * s) + top + Math.log(z);
        double dLogZ = n * Math.cosh(2 * k) / s + dz / z;
        return new LogSum(logZ, dLogZ);
    }

    /** Z2/Z4 ({@code sinh}) or Z1/Z3, over the odd ({@code odd}) or even k = 2r + (0|1). */
    private Term term(boolean sinh, boolean odd, double dc, double s) {
        double a = 0;
        double da = 0;
        double p = 1;
        double dp = 0;
        for (int r = 0; r < size; r++) {
            int kIndex = 2 * r + (odd ? 1 : 0);
            double gamma;
            double dGamma;
            if (kIndex == 0) {
                gamma = 2 * coupling + Math.log(Math.tanh(coupling));
                dGamma = 2 + 2 / s;
            } else {
                double half = Math.sin(Math.PI * kIndex / (2.0 * size));
                double u = (s - 1) * (s - 1) / s + 2 * half * half;
                double sinhGamma = Math.sqrt(u * (u + 2));
                gamma = Math.log1p(u + sinhGamma);
                dGamma = dc / sinhGamma;
            }
            double x = size * gamma / 2;
            double dx = size * dGamma / 2;
            double tanh = Math.tanh(x);
            // ln 2cosh x without overflow
            a += Math.abs(x) + Math.log1p(Math.exp(-2 * Math.abs(x)));
            da += dx * tanh;
            if (sinh) {
                dp = dp * tanh + p * dx * (1 - tanh * tanh);
                p *= tanh;
            }
        }
        return new Term(a, da, p, dp);
    }
}
