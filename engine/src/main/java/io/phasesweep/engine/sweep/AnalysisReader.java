package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.sweep.AnalysisSpec.ExponentRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the {@code analysis} section, checking names against the sweep's axes and the model's observables. */
final class AnalysisReader {
    static final List<String> KEYS = List.of("control", "crossing", "across", "exponents", "omega", "window");
    static final List<String> EXPONENT_KEYS = List.of("quantity", "method", "observable", "level");
    static final Pattern QUANTITY = Pattern.compile("[a-z0-9/_]+");

    private AnalysisReader() {
    }

    static AnalysisSpec read(YamlField field, Set<String> axes, Model model) throws SweepError {
        Map<String, YamlField> m = field.mapping("a mapping with the keys " + String.join(", ", KEYS), "key", KEYS);
        List<String> observables = new ArrayList<>();
        model.observables().stream().map(ObservableSpec::name).forEach(observables::add);
        model.derived().stream().map(DerivedObservable::name).forEach(observables::add);

        String control = field.child(m, "control").oneOf("an axis", axes);
        YamlField crossingField = field.child(m, "crossing");
        String crossing = crossingField.isPresent()
                ? crossingField.oneOf("an observable of model '" + model.id() + "'", observables) : null;
        YamlField acrossField = field.child(m, "across");
        String across = null;
        if (acrossField.isPresent()) {
            List<String> others = axes.stream().filter(a -> !a.equals(control)).toList();
            across = acrossField.oneOf("an axis other than the control " + control, others);
        }
        List<ExponentRequest> exponents = new ArrayList<>();
        YamlField exponentsField = field.child(m, "exponents");
        if (exponentsField.isGiven()) {
            for (YamlField e : exponentsField.list("a list of {quantity, method, observable[, level]}")) {
                exponents.add(exponent(e, observables, model.id()));
            }
        }
        return new AnalysisSpec(control, crossing, across, exponents, positive(field.child(m, "omega"),
                "a positive number, the correction-to-scaling exponent (e.g. 0.83 for 3D Ising)"),
                positive(field.child(m, "window"), "a positive number w: the collapse variant keeps |x - x_c|*L^(1/nu) <= w"));
    }

    private static Double positive(YamlField f, String what) throws SweepError {
        if (!f.isPresent()) {
            return null;
        }
        double v = f.number(what);
        if (!(v > 0)) {
            throw f.expected(what);
        }
        return v;
    }

    private static ExponentRequest exponent(YamlField field, List<String> observables, String modelId) throws SweepError {
        Map<String, YamlField> m = field.mapping("a mapping {quantity, method, observable[, level]}", "key", EXPONENT_KEYS);
        YamlField quantityField = field.child(m, "quantity");
        String quantity = quantityField.text("a quantity name such as nu or gamma/nu");
        if (!QUANTITY.matcher(quantity).matches()) {
            throw quantityField.expected("a quantity name of lowercase letters, digits, '/' and '_'");
        }
        AnalysisMethod method = AnalysisMethod.of(field.child(m, "method").oneOf("a method", AnalysisMethod.words()));
        String observable = field.child(m, "observable").oneOf("an observable of model '" + modelId + "'", observables);
        YamlField levelField = field.child(m, "level");
        Double level = null;
        if (levelField.isPresent()) {
            if (method != AnalysisMethod.LOCATION) {
                throw levelField.error("expected no level for method " + method.word() + ", got one (level is for method "
                        + AnalysisMethod.LOCATION.word() + " only)");
            }
            level = levelField.number("a number");
        }
        return new ExponentRequest(quantity, method, observable, level);
    }
}
