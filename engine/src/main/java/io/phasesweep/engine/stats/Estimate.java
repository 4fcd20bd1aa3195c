package io.phasesweep.engine.stats;

/** A value with its one-standard-deviation error (NaN when it cannot be computed, e.g. one replica). */
public record Estimate(double value, double error) {
}
