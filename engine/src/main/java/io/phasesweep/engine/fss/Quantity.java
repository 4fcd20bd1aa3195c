package io.phasesweep.engine.fss;

/**
 * A quantity of the {@code exponents} table, and the one rule from a fitted power p of q ∝ L^p (or a
 * fitted 1/ν) to it: {@code nu} is 1/p, {@code beta/nu} is −p (m ∝ L^(−β/ν)), any other quantity
 * ({@code 1/nu}, {@code gamma/nu}, a model's crossover exponent) is p itself.
 */
public record Quantity(String name) {
    /** The critical value x_c of the control parameter, the quantity of {@code boundaries}. */
    public static final Quantity CRITICAL_VALUE = new Quantity("x_c");

    public boolean isNu() {
        return name.equals("nu") || name.equals("1/nu");
    }

    /** The quantity from the fitted power (for {@code nu}, {@code 1/nu}: from the fitted 1/ν). */
    double fromPower(double p) {
        return switch (name) {
            case "nu" -> 1 / p;
            case "beta/nu" -> -p;
            default -> p;
        };
    }
}
