package io.phasesweep.engine.fss;

import java.io.Serializable;

/** A row of {@code boundaries} or {@code exponents}: one {@link Finding} and what the table adds to it. */
public sealed interface EstimateRow extends Serializable permits BoundaryRow, ExponentRow {
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
