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
 */
public record AnalysisSpec(String control, String crossing, String across, List<ExponentRequest> exponents) {
    public AnalysisSpec {
        exponents = List.copyOf(exponents);
    }

    /**
     * One entry of {@code analysis.exponents}: {@code {quantity: nu, method: collapse, observable: binder}}.
     */
    public record ExponentRequest(String quantity, String method, String observable) {
    }
}
