package io.phasesweep.engine.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sweep's {@code budget} for one point: every key the model declares ({@link Model#budget()}),
 * given or default, and {@link #TIME_LIMIT} when the sweep gives it.
 */
public record Budget(Map<String, Double> values) implements Serializable {
    /** The budget key every model accepts: the time limit of one point, in seconds. */
    public static final String TIME_LIMIT = "time_limit";

    public Budget {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double get(String name) {
        Double v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no budget key " + name + " in " + values.keySet());
        }
        return v;
    }

    /** A key that counts something (updates, sweeps, steps): a whole number, at least 0. */
    public long count(String name) {
        double value = get(name);
        if (value != Math.rint(value) || value < 0) {
            throw new IllegalArgumentException("budget." + name + " must be a whole number, got " + value);
        }
        return (long) value;
    }

    /** The seconds one point may run: {@link #TIME_LIMIT} when the sweep gives it, else {@code otherwise}. */
    public double timeLimit(double otherwise) {
        return values.getOrDefault(TIME_LIMIT, otherwise);
    }
}
