package io.phasesweep.engine.model;

import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one run of a model at one point measured: a value per observable, and for thermal (Monte
 * Carlo) observables the error of the mean and the integrated autocorrelation time.
 */
public record Measurement(Map<String, Double> values, Map<String, Double> errors, Map<String, Double> taus)
        implements Serializable {

    public Measurement {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
        taus = Collections.unmodifiableMap(new LinkedHashMap<>(taus));
    }

    /** Plain values, for models that are not Monte Carlo time averages (solvers, single samples). */
    public static Measurement of(Map<String, Double> values) {
        return new Measurement(values, Map.of(), Map.of());
    }

    /** This measurement with plain values added: observables of the run that are not time averages. */
    public Measurement with(Map<String, Double> plain) {
        Map<String, Double> all = new LinkedHashMap<>(values);
        all.putAll(plain);
        return new Measurement(all, errors, taus);
    }

    /** Thermal averages: mean, error and autocorrelation time of each binned observable, in order. */
    static Measurement binned(List<ObservableSpec> observables, LogBinning bins) {
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        Map<String, Double> taus = new LinkedHashMap<>();
        for (int o = 0; o < observables.size(); o++) {
            String name = observables.get(o).name();
            values.put(name, bins.mean(o));
            errors.put(name, bins.error(o));
            taus.put(name, bins.tau(o));
        }
        return new Measurement(values, errors, taus);
    }
}
