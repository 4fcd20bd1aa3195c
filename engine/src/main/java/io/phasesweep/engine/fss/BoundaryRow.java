package io.phasesweep.engine.fss;

/**
 * A row of {@code boundaries}: one estimate of the critical value of the control parameter, or one
 * size's own location of a peak or level crossing ({@link Finding#size()} set).
 */
public record BoundaryRow(String control, Finding finding) implements EstimateRow {
    public double criticalValue() {
        return finding.value();
    }

    /** A single size's pseudo-critical or crossover value, not an estimate of the critical value itself. */
    public boolean oneSize() {
        return finding.size() != null;
    }
}
