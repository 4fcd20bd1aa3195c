package io.phasesweep.engine.models.synthetic;

import java.util.random.RandomGenerator;

/**
 * Finite-size-scaling forms with known critical value, exponents and corrections, in the scaling
 * variable z = (x − x_c)·L^(1/ν). The one copy of the synthetic model's physics: the model draws its
 * rows from it, and the analysis tests draw their data from it.
 * <ul>
 *   <li>u (Binder-like, dimensionless): (1 − tanh z)/3 + a_u·L^(−ω)/cosh z. Its curves cross at
 *       x_c as L → ∞; the correction moves u(x_c) to 1/3 + a_u·L^(−ω) and the crossing of sizes
 *       L₁ &lt; L₂ to x_c + 3·a_u·(L₂^(−ω) − L₁^(−ω))/(L₂^(1/ν) − L₁^(1/ν)) to leading order,
 *       a shift ∝ L^(−1/ν−ω).</li>
 *   <li>chi: L^(γ/ν)·(1 + a_χ·L^(−ω))·exp(−(z − ½)²/2): its peak is at x_c + ½·L^(−1/ν) exactly,
 *       with height L^(γ/ν)·(1 + a_χ·L^(−ω)).</li>
 *   <li>absm: L^(−β/ν)·(1 + a_m·L^(−ω))·((1 − tanh z)/2 + 0.05): 0.55·L^(−β/ν)·(1 + a_m·L^(−ω)) at x_c.</li>
 * </ul>
 *
 * <p>A replica's value adds noise of size {@code noise} to u and relative size {@code noise} to chi
 * and absm (see {@link #noisy}): a part 0.6 shared by every control value of one (size, replica),
 * as quenched disorder is, and a part 0.8 drawn afresh at each point; the two add in quadrature to
 * {@code noise}.
 *
 * @param inverseNu      1/ν
 * @param omega          ω, the correction-to-scaling exponent
 * @param uCorrection    a_u, amplitude of the correction of u
 * @param chiCorrection  a_χ, amplitude of the correction of the chi peak
 * @param absmCorrection a_m, amplitude of the correction of absm
 */
public record ScalingForms(double xc, double inverseNu, double gammaNu, double betaNu, double omega,
                           double uCorrection, double chiCorrection, double absmCorrection) {
    /** The observables in the order of {@link #truth} and {@link #noisy}. */
    public static final int U = 0;
    public static final int CHI = 1;
    public static final int ABSM = 2;
    public static final int COUNT = 3;
    /** Weights of the shared (disorder) and the fresh part of a replica's noise: 0.6² + 0.8² = 1. */
    public static final double SHARED = 0.6;
    public static final double FRESH = 0.8;

    public double scalingVariable(double x, int size) {
        return (x - xc) * Math.pow(size, inverseNu);
    }

    /** The noiseless {u, chi, absm} at control value x and size L. */
    public double[] truth(double x, int size) {
        double z = scalingVariable(x, size);
        double correction = Math.pow(size, -omega);
        return new double[]{
                (1 - Math.tanh(z)) / 3 + uCorrection * correction / Math.cosh(z),
                Math.pow(size, gammaNu) * (1 + chiCorrection * correction) * Math.exp(-0.5 * (z - 0.5) * (z - 0.5)),
                Math.pow(size, -betaNu) * (1 + absmCorrection * correction) * ((1 - Math.tanh(z)) / 2 + 0.05)};
    }

    /**
     * One replica's {u, chi, absm}: {@code truth} plus noise·(0.6·shared + 0.8·fresh), absolute for u and
     * relative for chi and absm.
     *
     * @param shared standard normal draws of this (size, replica), the same at every control value
     * @param fresh  standard normal draws of this point alone
     */
    public static double[] noisy(double[] truth, double noise, double[] shared, double[] fresh) {
        double[] v = new double[COUNT];
        for (int k = 0; k < COUNT; k++) {
            double e = noise * (SHARED * shared[k] + FRESH * fresh[k]);
            v[k] = k == U ? truth[k] + e : truth[k] * (1 + e);
        }
        return v;
    }

    /** {@link #COUNT} standard normal draws, in the order of the observables. */
    public static double[] normals(RandomGenerator random) {
        double[] z = new double[COUNT];
        for (int k = 0; k < COUNT; k++) {
            z[k] = random.nextGaussian();
        }
        return z;
    }

    /** Where chi peaks at size L: x_c + ½·L^(−1/ν). */
    public double chiPeakLocation(int size) {
        return xc + 0.5 * Math.pow(size, -inverseNu);
    }

    /** The height of chi's peak at size L: L^(γ/ν)·(1 + a_χ·L^(−ω)). */
    public double chiPeakHeight(int size) {
        return Math.pow(size, gammaNu) * (1 + chiCorrection * Math.pow(size, -omega));
    }
}
