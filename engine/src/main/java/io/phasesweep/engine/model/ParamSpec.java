package io.phasesweep.engine.model;

import java.util.List;

/**
 * A model parameter as the model declares it: sweep files are checked against this, and
 * {@code phasesweep models} prints it.
 *
 * @param defaultValue a {@link Double} or {@link String}; null means the sweep must give it
 * @param min          smallest allowed value (numbers), or null
 * @param max          largest allowed value (numbers), or null
 * @param choices      allowed words (type WORD), empty otherwise
 */
public record ParamSpec(String name, Type type, Object defaultValue, Double min, Double max,
                        List<String> choices, String doc) {

    public enum Type { INTEGER, REAL, WORD }

    public ParamSpec {
        choices = List.copyOf(choices);
    }

    public static ParamSpec real(String name, Double defaultValue, Double min, Double max, String doc) {
        return new ParamSpec(name, Type.REAL, defaultValue, min, max, List.of(), doc);
    }

    public static ParamSpec integer(String name, Integer defaultValue, int min, int max, String doc) {
        return new ParamSpec(name, Type.INTEGER, defaultValue == null ? null : defaultValue.doubleValue(),
                (double) min, (double) max, List.of(), doc);
    }

    public static ParamSpec word(String name, String defaultValue, List<String> choices, String doc) {
        return new ParamSpec(name, Type.WORD, defaultValue, null, null, choices, doc);
    }

    /** Null when {@code value} is allowed, else what was expected, for an error message. */
    public String check(Object value) {
        switch (type) {
            case WORD -> {
                if (!(value instanceof String s) || !choices.contains(s)) {
                    return "one of " + String.join(", ", choices);
                }
            }
            case INTEGER, REAL -> {
                if (!(value instanceof Double d) || !Double.isFinite(d)) {
                    return type == Type.INTEGER ? "an integer" : "a finite number";
                }
                if (type == Type.INTEGER && d != Math.rint(d)) {
                    return "an integer";
                }
                if ((min != null && d < min) || (max != null && d > max)) {
                    return "a number in " + range();
                }
            }
        }
        return null;
    }

    /**
     * The allowed range as a person reads it. A minimum of {@link Double#MIN_VALUE} is how a model
     * says "strictly positive" (a temperature), so it prints as the open end {@code (0}; an
     * unbounded end is open too ({@code [0, inf)}): infinity itself is never a value.
     */
    public String range() {
        String low = min == null ? "(-inf" : min == Double.MIN_VALUE ? "(0" : "[" + fmt(min);
        return low + ", " + (max == null ? "inf)" : fmt(max) + "]");
    }

    private static String fmt(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }
}
