package io.phasesweep.engine.stats;

import io.phasesweep.engine.model.ParamValues;

import java.util.Map;

/**
 * One successful raw row, as the analysis sees it: the measured observables of one replica at one
 * (parameters, size). Thermal errors and autocorrelation times are not carried: the disorder and
 * replica average is taken over the per-replica values, so the spread between replicas already
 * contains the thermal noise of each.
 *
 * @param values measured observables by name (every observable of the model, finite)
 */
public record Sample(ParamValues params, int size, int replica, Map<String, Double> values) {
    public Sample {
        values = Map.copyOf(values);
    }

    public PointKey key() {
        return new PointKey(params, size);
    }
}
