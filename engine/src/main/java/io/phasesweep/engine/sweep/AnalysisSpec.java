package io.phasesweep.engine.sweep;

import java.util.List;

/**
 * The {@code analysis} section of a sweep file.
 *
 * @param control   the axis that crosses the transition
 * @param crossing  observable whose curves for different sizes cross at the transition, or null
 *                  (then the critical value comes from the data collapse)
 * @param across    optional second axis: one critical value per value of it (a phase boundary), or null
 * @param exponents requested exponent estimates, in file order
 * @param omega     the correction-to-scaling exponent ω when known (3D Ising 0.83), or null: then ω is
 *                  fitted where the data can fix it, and corrections are otherwise met by leaving out
 *                  the smallest sizes
 * @param window    w of the collapse variant restricted to |x − x_c|·L^(1/ν) ≤ w, or null for the inner
 *                  half of the scaled range
 */
public record AnalysisSpec(String control, String crossing, String across, List<ExponentRequest> exponents,
                           Double omega, Double window) {
    public AnalysisSpec {
        exponents = List.copyOf(exponents);
    }

    /** Without ω and with the default collapse window. */
    public AnalysisSpec(String control, String crossing, String across, List<ExponentRequest> exponents) {
        this(control, crossing, across, exponents, null, null);
    }

    /**
     * One entry of {@code analysis.exponents}: {@code {quantity: nu, method: collapse, observable: binder}}.
     *
     * <p>The methods are listed in {@link AnalysisMethod}; {@code location} fits where the observable
     * peaks, or crosses {@code level} when given, against size: x*(L) = x_c + a·L^(−1/ν), or x* ∝ L^γ
     * for a crossover.
     *
     * @param level for {@code location}: the level whose crossing is located; null means the peak
     */
    public record ExponentRequest(String quantity, AnalysisMethod method, String observable, Double level) {
    }
}
