package io.phasesweep.engine.model;

/**
 * A key of the sweep's {@code budget} section, as the model declares it.
 *
 * @param whole whether the key counts something (updates, sweeps, steps) and so must be a whole
 *              number: the parser refuses a fraction before any point runs ({@link Budget#count}
 *              would refuse it in every point)
 */
public record BudgetKey(String name, double defaultValue, double min, String doc, boolean whole) {
    /** A key that need not be a whole number (a tolerance, a rate). */
    public BudgetKey(String name, double defaultValue, double min, String doc) {
        this(name, defaultValue, min, doc, false);
    }

    /** A key that counts something: a whole number, read with {@link Budget#count}. */
    public static BudgetKey count(String name, double defaultValue, double min, String doc) {
        return new BudgetKey(name, defaultValue, min, doc, true);
    }
}
