package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ParamSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one entry of {@code axes}: an explicit list {@code [2.1, 2.2]}, a range
 * {@code {from, to, steps, scale}} or a window {@code {center, halfwidth, size_exponent, steps}},
 * and checks the values it generates against the parameter's declaration.
 */
final class AxisReader {
    static final List<String> RANGE_KEYS = List.of("from", "to", "steps", "scale");
    static final List<String> WINDOW_KEYS = List.of("center", "halfwidth", "size_exponent", "steps");
    private static final List<String> ALL_KEYS =
            List.of("from", "to", "steps", "scale", "center", "halfwidth", "size_exponent");
    static final List<String> SCALES = List.of("linear", "log");
    private static final String FORMS = "a list of values, {from, to, steps[, scale]} or "
            + "{center, halfwidth, size_exponent, steps}";

    private AxisReader() {
    }

    static Axis read(YamlField field, String name, ParamSpec param) throws SweepError {
        if (param.type() == ParamSpec.Type.WORD) {
            throw field.error("expected a numeric parameter, got the word parameter " + name
                    + " (words are fixed in params)");
        }
        if (field.isList()) {
            List<YamlField> elements = field.list(FORMS);
            if (elements.isEmpty()) {
                throw field.expected("at least one value");
            }
            List<Double> values = new ArrayList<>();
            for (YamlField e : elements) {
                values.add(e.number("a number"));
            }
            return new Axis.Values(name, values);
        }
        if (!field.isMapping()) {
            throw field.expected(FORMS);
        }
        Map<String, YamlField> keys = field.mapping(FORMS, "key of an axis", ALL_KEYS);
        boolean window = keys.containsKey("center") || keys.containsKey("halfwidth") || keys.containsKey("size_exponent");
        List<String> form = window ? WINDOW_KEYS : RANGE_KEYS;
        for (String k : keys.keySet()) {
            if (!form.contains(k)) {
                throw field.child(keys, k).error("expected only the keys " + String.join(", ", form) + " in a "
                        + (window ? "window" : "range") + " axis, got " + k);
            }
        }
        if (window) {
            double center = field.child(keys, "center").number("a number");
            YamlField halfwidthField = field.child(keys, "halfwidth");
            double halfwidth = halfwidthField.number("a positive number");
            if (halfwidth <= 0) {
                throw halfwidthField.expected("a positive number");
            }
            double sizeExponent = field.child(keys, "size_exponent").number("a number, e.g. -1/nu");
            return new Axis.Window(name, center, halfwidth, sizeExponent, steps(field.child(keys, "steps")));
        }
        YamlField scaleField = field.child(keys, "scale");
        Axis.Scale scale = scaleField.isPresent() && scaleField.oneOf("a scale", SCALES).equals("log")
                ? Axis.Scale.LOG : Axis.Scale.LINEAR;
        String bound = scale == Axis.Scale.LOG ? "a number > 0 (scale: log)" : "a number";
        double from = bound(field.child(keys, "from"), bound, scale);
        double to = bound(field.child(keys, "to"), bound, scale);
        return new Axis.Range(name, from, to, steps(field.child(keys, "steps")), scale);
    }

    private static double bound(YamlField f, String what, Axis.Scale scale) throws SweepError {
        double v = f.number(what);
        if (scale == Axis.Scale.LOG && v <= 0) {
            throw f.expected(what);
        }
        return v;
    }

    private static int steps(YamlField f) throws SweepError {
        return (int) f.integer("a positive integer", 1, Integer.MAX_VALUE);
    }

    /** Number of values of an axis (the same at every size). */
    static int count(Axis axis) {
        if (axis instanceof Axis.Values v) {
            return v.list().size();
        }
        return axis instanceof Axis.Range r ? r.steps() : ((Axis.Window) axis).steps();
    }

    /**
     * Every value, at every size for a window, must be allowed by the parameter's declaration and
     * distinct (two equal values would be two points with one key).
     */
    static void checkValues(YamlField field, Axis axis, ParamSpec param, List<Integer> sizes) throws SweepError {
        List<Integer> checked = axis.sizeDependent() ? sizes : sizes.subList(0, 1);
        List<YamlField> elements = axis instanceof Axis.Values ? field.list("a list") : List.of();
        for (int size : checked) {
            String at = axis.sizeDependent() ? " at size " + size : "";
            Set<Double> seen = new HashSet<>();
            double[] values = axis.values(size);
            for (int i = 0; i < values.length; i++) {
                YamlField where = elements.isEmpty() ? field : elements.get(i);
                String problem = param.check(values[i]);
                if (problem != null) {
                    // a window or range near the largest doubles can overflow to infinity
                    String shown = Double.isFinite(values[i]) ? Axis.format(values[i]) : String.valueOf(values[i]);
                    throw where.error("expected " + problem + ", got " + shown + at);
                }
                if (!seen.add(values[i])) {
                    throw where.error("expected distinct values, got " + Axis.format(values[i]) + " twice" + at);
                }
            }
        }
    }
}
