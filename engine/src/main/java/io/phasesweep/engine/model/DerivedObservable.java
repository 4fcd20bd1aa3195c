package io.phasesweep.engine.model;

import java.io.Serializable;
import java.util.List;

/**
 * An observable computed at aggregation from replica-averaged means of measured observables, such
 * as the Binder cumulant 1 − ⟨m⁴⟩/(3⟨m²⟩²): a ratio of averages, not an average of ratios, with a
 * jackknife error over replicas.
 *
 * @param inputs names of the measured observables whose means are passed, in this order
 */
public record DerivedObservable(String name, String doc, List<String> inputs, Formula formula)
        implements Serializable {

    public DerivedObservable {
        inputs = List.copyOf(inputs);
    }

    @FunctionalInterface
    public interface Formula extends Serializable {
        /**
         * @param means the replica-averaged means of {@code inputs}, in order
         * @param params the point's parameter values
         * @param size   the system size
         */
        double value(double[] means, ParamValues params, int size);
    }

    public double evaluate(double[] means, ParamValues params, int size) {
        return formula.value(means, params, size);
    }
}
