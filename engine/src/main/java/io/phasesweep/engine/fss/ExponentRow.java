package io.phasesweep.engine.fss;

/** A row of {@code exponents}: one estimate of one quantity. */
public record ExponentRow(String quantity, Finding finding) implements EstimateRow {
    public double value() {
        return finding.value();
    }
}
