package io.phasesweep.engine.fss;

import java.util.List;

/** The analysis tables of one sweep, and notes on what could not be estimated and why. */
public record AnalysisResult(List<PointRow> points, List<BoundaryRow> boundaries, List<ExponentRow> exponents,
                             List<String> notes) {
    public AnalysisResult {
        points = List.copyOf(points);
        boundaries = List.copyOf(boundaries);
        exponents = List.copyOf(exponents);
        notes = List.copyOf(notes);
    }
}
