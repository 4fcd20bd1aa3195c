package io.phasesweep.engine.fss;

/**
 * A row of {@code boundaries}: one estimate of the critical value of the control parameter, or one
 * size's own location of a peak or level crossing ({@link Finding#size()} set).
 */
public record BoundaryRow(String control, Finding finding) {
    public double criticalValue() {
        return finding.value();
    }

    public double stderr() {
        return finding.stderr();
    }

    public String method() {
        return finding.method();
    }

    public Double acrossValue() {
        return finding.acrossValue();
    }

    /** A single size's pseudo-critical or crossover value, not an estimate of the critical value itself. */
    public boolean oneSize() {
        return finding.size() != null;
    }
}
