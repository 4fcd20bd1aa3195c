package io.phasesweep.engine.fss;

import java.util.List;

/**
 * A row of {@code boundaries}: one critical value of the control parameter.
 *
 * @param across      the across axis, or null
 * @param acrossValue its value, or null without an across axis
 * @param method      how it was found, {@code method:observable}, e.g. {@code crossing:binder}
 * @param sizes       the sizes that entered the estimate
 * @param quality     χ²/dof, the collapse S, or a note on what limits the estimate
 */
public record BoundaryRow(String control, String across, Double acrossValue, double criticalValue, double stderr,
                          String method, List<Integer> sizes, String quality) {
    public BoundaryRow {
        sizes = List.copyOf(sizes);
    }
}
