package io.phasesweep.engine.fss;

/** A row of {@code boundaries} or {@code exponents}: one {@link Finding} and what the table adds to it. */
public sealed interface EstimateRow permits BoundaryRow, ExponentRow {
    Finding finding();

    default double stderr() {
        return finding().stderr();
    }

    default String method() {
        return finding().method();
    }

    default Double acrossValue() {
        return finding().acrossValue();
    }
}
