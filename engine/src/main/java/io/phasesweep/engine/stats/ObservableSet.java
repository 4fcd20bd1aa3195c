package io.phasesweep.engine.stats;

import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamValues;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The observables of a model in table order: the measured ones, then the derived ones, which are
 * evaluated from the (replica-averaged, possibly resampled) means of the measured ones.
 *
 * @param probabilities the measured observables that are probabilities ({@link ObservableSpec#probability})
 */
public record ObservableSet(List<String> measured, List<DerivedObservable> derived, Set<String> probabilities) {

    public ObservableSet {
        measured = List.copyOf(measured);
        derived = List.copyOf(derived);
        probabilities = Set.copyOf(probabilities);
        if (!measured.containsAll(probabilities)) {
            throw new IllegalArgumentException("probabilities " + probabilities + " are not all measured observables of " + measured);
        }
        for (DerivedObservable d : derived) {
            for (String in : d.inputs()) {
                if (!measured.contains(in)) {
                    throw new IllegalArgumentException(
                            "derived observable " + d.name() + " needs " + in + ", not a measured observable");
                }
            }
        }
    }

    /** Without probabilities. */
    public ObservableSet(List<String> measured, List<DerivedObservable> derived) {
        this(measured, derived, Set.of());
    }

    public static ObservableSet of(Model model) {
        return new ObservableSet(model.observables().stream().map(ObservableSpec::name).toList(), model.derived(),
                model.observables().stream().filter(ObservableSpec::probability).map(ObservableSpec::name).collect(Collectors.toSet()));
    }

    /** All names, measured first: the {@code X}/{@code X_err} column pairs of {@code points}. */
    public List<String> names() {
        List<String> all = new ArrayList<>(measured);
        derived.forEach(d -> all.add(d.name()));
        return all;
    }

    /** Whether the observable at {@code index} of {@link #names()} is a probability. */
    public boolean probability(int index) {
        return index < measured.size() && probabilities.contains(measured.get(index));
    }

    /** Index of a name in {@link #names()}, or an exception naming the known observables. */
    public int index(String name) {
        int i = names().indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no observable " + name + " in " + names());
        }
        return i;
    }

    /** Measured means followed by the derived observables evaluated from them. */
    public double[] evaluate(double[] measuredMeans, ParamValues params, int size) {
        double[] out = new double[measured.size() + derived.size()];
        System.arraycopy(measuredMeans, 0, out, 0, measuredMeans.length);
        for (int d = 0; d < derived.size(); d++) {
            DerivedObservable obs = derived.get(d);
            double[] in = new double[obs.inputs().size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = measuredMeans[measured.indexOf(obs.inputs().get(i))];
            }
            out[measuredMeans.length + d] = obs.evaluate(in, params, size);
        }
        return out;
    }
}
