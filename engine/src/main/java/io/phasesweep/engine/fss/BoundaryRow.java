package io.phasesweep.engine.fss;

import java.util.List;

/**
 * A row of {@code boundaries}: one critical value of the control parameter, or one size's own
 * location of a peak or level crossing (method suffix {@code /size=L}).
 *
 * @param across      the across axis, or null
 * @param acrossValue its value, or null without an across axis
 * @param method      how it was found, {@code method:observable}, e.g. {@code crossing:binder}
 * @param sizes       the sizes that entered the estimate
 * @param quality     χ²/dof, the collapse S, or a note on what limits the estimate
 */
public record BoundaryRow(String control, String across, Double acrossValue, double criticalValue, double stderr,
                          String method, List<Integer> sizes, String quality) {
    /** Method suffix of a single size's location, e.g. {@code location(level=2.0):chi/size=64}. */
    public static final String ONE_SIZE = "/size=";

    public BoundaryRow {
        sizes = List.copyOf(sizes);
    }

    /** A single size's pseudo-critical or crossover value, not an estimate of the critical value itself. */
    public boolean oneSize() {
        return method.contains(ONE_SIZE);
    }
}
