package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ParamValues;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One simulation: the model, all parameter values, the size and the replica. {@code key} is stable
 * and readable ({@code L=16|T=2.23|r=3}); both seeds follow from the master seed and the key alone
 * (see {@link Seeds}).
 */
public record Point(
        String sweep,
        String model,
        String key,
        ParamValues params,
        int size,
        int replica,
        long disorderSeed,
        long dynamicsSeed,
        Map<String, Double> budget) implements Serializable {

    public Point {
        budget = Collections.unmodifiableMap(new LinkedHashMap<>(budget));
    }

    public double budget(String name) {
        Double v = budget.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no budget key " + name + " in " + budget.keySet());
        }
        return v;
    }
}
