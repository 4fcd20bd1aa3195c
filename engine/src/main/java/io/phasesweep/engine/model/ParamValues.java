package io.phasesweep.engine.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter values of one point: every declared model parameter plus the swept axes, in sweep
 * order. Numbers are {@link Double}, words {@link String}.
 */
public record ParamValues(Map<String, Object> values) implements Serializable {

    public ParamValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public double real(String name) {
        Object v = require(name);
        if (!(v instanceof Double d)) {
            throw new IllegalArgumentException("parameter " + name + " is not a number: " + v);
        }
        return d;
    }

    public int integer(String name) {
        double d = real(name);
        if (d != Math.rint(d)) {
            throw new IllegalArgumentException("parameter " + name + " is not an integer: " + d);
        }
        return (int) d;
    }

    public String word(String name) {
        Object v = require(name);
        if (!(v instanceof String s)) {
            throw new IllegalArgumentException("parameter " + name + " is not a word: " + v);
        }
        return s;
    }

    public ParamValues with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, value);
        return new ParamValues(m);
    }

    private Object require(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no parameter " + name + " in " + values.keySet());
        }
        return v;
    }
}
