package io.phasesweep.engine.fss;

/** A row of {@code exponents}: one estimate of one quantity. */
public record ExponentRow(String quantity, Finding finding) {
    public double value() {
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
}
