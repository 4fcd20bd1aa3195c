package io.phasesweep.engine.model;

/** A key of the sweep's {@code budget} section, as the model declares it. */
public record BudgetKey(String name, double defaultValue, double min, String doc) {
}
