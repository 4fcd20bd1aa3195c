package io.phasesweep.engine.fss;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** The analysis tables of one sweep, and notes on what could not be estimated and why. */
public record AnalysisResult(List<PointRow> points, List<BoundaryRow> boundaries, List<ExponentRow> exponents,
                             List<String> notes) {
    public AnalysisResult {
        points = List.copyOf(points);
        boundaries = List.copyOf(boundaries);
        exponents = List.copyOf(exponents);
        notes = List.copyOf(notes);
    }

    /**
     * The {@code best} row of a quantity ({@link Quantity#CRITICAL_VALUE}'s name for the critical
     * value) at an across value (null without an across axis); empty when no estimate passed its checks.
     */
    public Optional<Finding> best(String quantity, Double acrossValue) {
        Stream<Finding> rows = quantity.equals(Quantity.CRITICAL_VALUE.name())
                ? boundaries.stream().map(BoundaryRow::finding)
                : exponents.stream().filter(e -> e.quantity().equals(quantity)).map(ExponentRow::finding);
        return rows.filter(f -> f.isBest() && Objects.equals(f.acrossValue(), acrossValue)).findFirst();
    }
}
