package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.ParamSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the top-level mapping of a sweep file into a {@link SweepSpec}, checking every field
 * against the model's declared parameters and budget keys. Fields are checked in a fixed order, and
 * the first problem is the error.
 */
final class SpecReader {
    static final List<String> KEYS =
            List.of("name", "model", "seed", "params", "axes", "sizes", "replicas", "budget", "analysis", "refine");
    static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final String NAME_EXPECTED = "a name of lowercase letters, digits and '-'";
    /** What a point counts to per second at most: more than any model's update, sweep or step. */
    static final double MAX_COUNTS_PER_SECOND = 1e9;

    private final String fileName;
    private final YamlField root;
    private final ModelRegistry registry;
    private final SweepParser.Limits limits;

    SpecReader(String fileName, YamlField root, ModelRegistry registry, SweepParser.Limits limits) {
        this.fileName = fileName;
        this.root = root;
        this.registry = registry;
        this.limits = limits;
    }

    SweepSpec read() throws SweepError {
        Map<String, YamlField> top = root.mapping("a mapping with the keys " + String.join(", ", KEYS), "key", KEYS);
        YamlField nameField = root.child(top, "name");
        String name = nameField.text(NAME_EXPECTED);
        if (!NAME.matcher(name).matches()) {
            throw nameField.expected(NAME_EXPECTED);
        }
        Model model = registry.find(root.child(top, "model").oneOf("a model id", registry.all().keySet()));
        long seed = root.child(top, "seed").integer("an integer (the master seed)", Long.MIN_VALUE, Long.MAX_VALUE);
        List<Integer> sizes = sizes(root.child(top, "sizes"));
        int replicas = (int) root.child(top, "replicas").integer("a positive integer", 1, Integer.MAX_VALUE);

        Map<String, ParamSpec> declared = new LinkedHashMap<>();
        model.params().forEach(p -> declared.put(p.name(), p));
        String paramNoun = "parameter of model '" + model.id() + "'";
        YamlField axesField = root.child(top, "axes");
        Map<String, YamlField> axisFields =
                axesField.mapping("a mapping from parameter names to axes", paramNoun, declared.keySet());
        if (axisFields.isEmpty()) {
            throw axesField.expected("at least one axis");
        }
        List<Axis> axes = new ArrayList<>();
        for (Map.Entry<String, YamlField> e : axisFields.entrySet()) {
            axes.add(AxisReader.read(e.getValue(), e.getKey(), declared.get(e.getKey())));
        }
        Map<String, Object> params = params(root.child(top, "params"), declared, axisFields.keySet(), paramNoun);
        checkPointCount(sizes, axes, replicas);
        for (Axis axis : axes) {
            AxisReader.checkValues(axisFields.get(axis.name()), axis, declared.get(axis.name()), sizes);
        }
        Map<String, Double> budget = budget(root.child(top, "budget"), model, limits.timeLimitSeconds());
        YamlField analysisField = root.child(top, "analysis");
        AnalysisSpec analysis = analysisField.isGiven()
                ? AnalysisReader.read(analysisField, axisFields.keySet(), model) : null;
        YamlField refineField = root.child(top, "refine");
        RefineSpec refine = refineField.isGiven()
                ? RefineReader.read(refineField, analysis, axes, sizes, replicas, declared) : null;
        SweepSpec spec = new SweepSpec(name, model.id(), seed, params, axes, sizes, replicas, budget, analysis, refine);
        if (refine != null) {
            long added = refine.added().stream().mapToLong(PointBlock::count).sum();
            checkPointCount(SweepExpander.count(spec) - added, added);
        }
        String refused = SweepExpander.firstRefusal(spec, model);
        if (refused == null && refine != null && !refine.sizesAllowed().isEmpty()) {
            // a size a round may add must be one the model runs
            refused = SweepExpander.firstRefusal(new SweepSpec(name, model.id(), seed, params, axes,
                    refine.sizesAllowed(), replicas, budget, analysis), model);
        }
        if (refused != null) {
            throw new SweepError(fileName, "", "the points " + refused + " (model " + model.id() + " cannot run them)");
        }
        return spec;
    }

    private static List<Integer> sizes(YamlField field) throws SweepError {
        List<YamlField> elements = field.list("a list of system sizes, e.g. [8, 16, 32]");
        if (elements.isEmpty()) {
            throw field.expected("at least one size");
        }
        List<Integer> sizes = new ArrayList<>();
        for (YamlField e : elements) {
            int size = (int) e.integer("a positive integer size up to " + SweepParser.MAX_SIZE, 1, SweepParser.MAX_SIZE);
            if (sizes.contains(size)) {
                throw e.error("expected distinct sizes, got " + size + " twice");
            }
            sizes.add(size);
        }
        return sizes;
    }

    /**
     * Fixed parameters: the given ones in file order, then the defaults of the others. Swept
     * parameters are not here (a point's values are these plus its axis values).
     */
    private static Map<String, Object> params(YamlField field, Map<String, ParamSpec> declared,
                                              Set<String> swept, String paramNoun) throws SweepError {
        Map<String, YamlField> given = field.isGiven()
                ? field.mapping("a mapping from parameter names to values", paramNoun, declared.keySet())
                : Map.of();
        Map<String, Object> params = new LinkedHashMap<>();
        for (Map.Entry<String, YamlField> e : given.entrySet()) {
            YamlField f = e.getValue();
            if (swept.contains(e.getKey())) {
                throw f.error("expected a parameter either fixed in params or swept in axes, got it in both");
            }
            params.put(e.getKey(), paramValue(f, declared.get(e.getKey())));
        }
        for (ParamSpec p : declared.values()) {
            if (!params.containsKey(p.name()) && !swept.contains(p.name())) {
                if (p.defaultValue() == null) {
                    throw field.child(given, p.name()).expected(expectation(p) + " (the model has no default)");
                }
                params.put(p.name(), p.defaultValue());
            }
        }
        return params;
    }

    private static Object paramValue(YamlField f, ParamSpec p) throws SweepError {
        Object value = p.type() == ParamSpec.Type.WORD ? f.text(expectation(p)) : (Object) f.number(expectation(p));
        if (p.check(value) != null) {
            throw f.expected(expectation(p));
        }
        return value;
    }

    /** What a parameter accepts, in the words of an error message. */
    static String expectation(ParamSpec p) {
        return switch (p.type()) {
            case WORD -> "one of " + String.join(", ", p.choices());
            case INTEGER -> "an integer in " + p.range();
            case REAL -> "a number in " + p.range();
        };
    }

    private void checkPointCount(List<Integer> sizes, List<Axis> axes, int replicas) throws SweepError {
        long count = sizes.size();
        StringBuilder product = new StringBuilder().append(sizes.size()).append(" sizes");
        for (Axis a : axes) {
            int n = AxisReader.count(a);
            count = saturatedProduct(count, n);
            product.append(" × ").append(n).append(' ').append(a.name());
        }
        count = saturatedProduct(count, replicas);
        product.append(" × ").append(replicas).append(" replicas");
        if (count > limits.maxPoints()) {
            throw new SweepError(fileName, "", "expected at most " + limits.maxPoints() + " points, got "
                    + (count == Long.MAX_VALUE ? "more than " + Long.MAX_VALUE : count) + " (" + product + ")");
        }
    }

    /** The sweep's own points and the ones refinement rounds added, together. */
    private void checkPointCount(long own, long added) throws SweepError {
        long count = own + added;
        if (count < 0 || count > limits.maxPoints()) {
            throw new SweepError(fileName, "refine.added", "expected at most " + limits.maxPoints() + " points, got "
                    + (count < 0 ? "more than " + Long.MAX_VALUE : count) + " (" + own + " of the sweep and " + added
                    + " added by refine rounds)");
        }
    }

    private static long saturatedProduct(long a, long b) {
        long p = a * b;
        return Math.multiplyHigh(a, b) != 0 || p < 0 ? Long.MAX_VALUE : p;
    }

    /**
     * Every budget key of the model, given or default, then {@code time_limit} if given. A key that
     * counts ({@link BudgetKey#whole}) must be a whole number that a point can count to within its
     * time limit ({@code time_limit}, else {@code defaultLimitSeconds}) at
     * {@value #MAX_COUNTS_PER_SECOND} a second, faster than any update, sweep or step can be.
     */
    private static Map<String, Double> budget(YamlField field, Model model, double defaultLimitSeconds) throws SweepError {
        Set<String> keys = new LinkedHashSet<>();
        model.budget().forEach(b -> keys.add(b.name()));
        keys.add(Budget.TIME_LIMIT);
        Map<String, YamlField> given = field.isGiven()
                ? field.mapping("a mapping from budget keys to numbers", "budget key of model '" + model.id() + "'", keys)
                : Map.of();
        YamlField limit = field.child(given, Budget.TIME_LIMIT);
        boolean modelsOwnLimit = model.budget().stream().anyMatch(b -> b.name().equals(Budget.TIME_LIMIT));
        Double seconds = null;
        if (limit.isPresent() && !modelsOwnLimit) {
            seconds = limit.number("a positive number of seconds");
            if (seconds <= 0) {
                throw limit.expected("a positive number of seconds");
            }
        }
        double within = seconds != null ? seconds : defaultLimitSeconds;
        Map<String, Double> budget = new LinkedHashMap<>();
        for (BudgetKey b : model.budget()) {
            YamlField f = field.child(given, b.name());
            budget.put(b.name(), f.isPresent() ? value(f, b, within) : b.defaultValue());
        }
        if (seconds != null) {
            budget.put(Budget.TIME_LIMIT, seconds);
        }
        return budget;
    }

    private static double value(YamlField f, BudgetKey key, double limitSeconds) throws SweepError {
        if (!key.whole()) {
            String what = "a number >= " + Axis.format(key.min());
            double v = f.number(what);
            if (v < key.min()) {
                throw f.expected(what);
            }
            return v;
        }
        double most = Math.min(Math.floor(limitSeconds * MAX_COUNTS_PER_SECOND), 0x1p53);
        String what = "a whole number >= " + Axis.format(key.min());
        double v = f.number(what);
        if (v != Math.rint(v) || v < key.min()) {
            throw f.expected(what);
        }
        if (v > most) {
            throw f.expected("a whole number from " + Axis.format(key.min()) + " to " + Axis.format(most)
                    + (Double.isInfinite(limitSeconds) ? ""
                    : " (no point counts more than 10^9 a second, and its time limit is " + Axis.format(limitSeconds) + " s)"));
        }
        return v;
    }
}
