package io.phasesweep.engine.sweep;

import io.phasesweep.engine.model.ParamSpec;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code refine} section: targets named after the analysis' quantities, a CPU budget, a
 * round limit, the sizes a round may add, and the points earlier rounds added (each a new point:
 * none shares a key with the sweep or another block).
 */
final class RefineReader {
    static final List<String> KEYS = List.of("target", "budget_core_seconds", "max_rounds", "sizes_allowed", "added");
    static final List<String> BLOCK_KEYS = List.of("round", "size", "first_replica", "replicas", "values");
    /** More rounds than anyone waits for; a bound so that a typo (max_rounds: 1e9) is caught. */
    static final int MOST_ROUNDS = 1000;

    private RefineReader() {
    }

    /**
     * @param axes      the sweep's axes, in file order
     * @param declared  the model's parameters by name
     */
    static RefineSpec read(YamlField field, AnalysisSpec analysis, List<Axis> axes, List<Integer> sizes,
                           int replicas, Map<String, ParamSpec> declared) throws SweepError {
        Map<String, YamlField> m = field.mapping("a mapping with the keys " + String.join(", ", KEYS), "key", KEYS);
        if (analysis == null) {
            throw field.error("expected an analysis section beside refine (a round steers by the analysis' best rows),"
                    + " got none");
        }
        List<String> quantities = new ArrayList<>(List.of(RefineSpec.CRITICAL_VALUE));
        analysis.exponents().forEach(e -> {
            if (!quantities.contains(e.quantity())) {
                quantities.add(e.quantity());
            }
        });
        YamlField targetField = field.child(m, "target");
        Map<String, YamlField> targets = targetField.mapping("a mapping from quantities to the stderr wanted, e.g."
                + " {critical_value: 0.001}", "target quantity (critical_value or an exponent of the analysis section)",
                quantities);
        if (targets.isEmpty()) {
            throw targetField.expected("at least one quantity");
        }
        Map<String, Double> target = new LinkedHashMap<>();
        for (Map.Entry<String, YamlField> e : targets.entrySet()) {
            target.put(e.getKey(), positive(e.getValue(), "a positive number, the stderr wanted of its best row"));
        }
        double budget = positive(field.child(m, "budget_core_seconds"), "a positive number of core-seconds");
        YamlField roundsField = field.child(m, "max_rounds");
        int maxRounds = roundsField.isPresent()
                ? (int) roundsField.integer("an integer from 1 to " + MOST_ROUNDS, 1, MOST_ROUNDS)
                : RefineSpec.DEFAULT_MAX_ROUNDS;
        List<Integer> allowed = sizesAllowed(field.child(m, "sizes_allowed"), sizes);
        List<PointBlock> added = new ArrayList<>();
        YamlField addedField = field.child(m, "added");
        if (addedField.isGiven()) {
            for (YamlField b : addedField.list("a list of {round, size, first_replica, replicas, values}")) {
                PointBlock block = block(b, axes, sizes, allowed, declared);
                String clash = clash(block, added, axes, sizes, replicas);
                if (clash != null) {
                    throw b.error("expected new points, got points of " + clash + " again");
                }
                added.add(block);
            }
        }
        return new RefineSpec(target, budget, maxRounds, allowed, added);
    }

    private static double positive(YamlField f, String what) throws SweepError {
        double v = f.number(what);
        if (!(v > 0)) {
            throw f.expected(what);
        }
        return v;
    }

    private static List<Integer> sizesAllowed(YamlField field, List<Integer> sizes) throws SweepError {
        if (!field.isGiven()) {
            return List.of();
        }
        List<Integer> out = new ArrayList<>();
        for (YamlField e : field.list("a list of system sizes a round may add, e.g. [128, 256]")) {
            int size = (int) e.integer("a positive integer size up to " + SweepParser.MAX_SIZE, 1, SweepParser.MAX_SIZE);
            if (sizes.contains(size) || out.contains(size)) {
                throw e.error("expected sizes that are not in sizes nor listed twice, got " + size);
            }
            out.add(size);
        }
        return out;
    }

    private static PointBlock block(YamlField field, List<Axis> axes, List<Integer> sizes, List<Integer> allowed,
                                    Map<String, ParamSpec> declared) throws SweepError {
        Map<String, YamlField> m = field.mapping("a mapping {round, size, first_replica, replicas, values}", "key", BLOCK_KEYS);
        int round = (int) field.child(m, "round").integer("a round number from 1 to " + MOST_ROUNDS, 1, MOST_ROUNDS);
        YamlField sizeField = field.child(m, "size");
        int size = (int) sizeField.integer("a size of the sweep or of sizes_allowed", 1, SweepParser.MAX_SIZE);
        if (!sizes.contains(size) && !allowed.contains(size)) {
            throw sizeField.expected("a size of the sweep or of sizes_allowed");
        }
        int first = (int) field.child(m, "first_replica").integer("a replica index >= 0", 0, Integer.MAX_VALUE - 1);
        YamlField replicasField = field.child(m, "replicas");
        int replicas = (int) replicasField.integer("a positive integer", 1, Integer.MAX_VALUE);
        if ((long) first + replicas > Integer.MAX_VALUE) {
            throw replicasField.expected("replicas ending below " + Integer.MAX_VALUE);
        }
        YamlField valuesField = field.child(m, "values");
        List<String> names = axes.stream().map(Axis::name).toList();
        Map<String, YamlField> given = valuesField.mapping("a mapping from each axis to a list of its values",
                "axis of the sweep", names);
        Map<String, List<Double>> values = new LinkedHashMap<>();
        for (String axis : names) {
            YamlField list = valuesField.child(given, axis);
            List<YamlField> elements = list.list("a list of values of " + axis);
            if (elements.isEmpty()) {
                throw list.expected("at least one value");
            }
            List<Double> v = new ArrayList<>();
            for (YamlField e : elements) {
                double x = e.number("a number");
                String problem = declared.get(axis).check(x);
                if (problem != null) {
                    throw e.error("expected " + problem + ", got " + Axis.format(x));
                }
                if (v.contains(x)) {
                    throw e.error("expected distinct values, got " + Axis.format(x) + " twice");
                }
                v.add(x);
            }
            values.put(axis, v);
        }
        return new PointBlock(round, size, first, replicas, values);
    }

    /** What the block shares a point with: "the sweep", "added[i]", or null when its points are new. */
    private static String clash(PointBlock block, List<PointBlock> before, List<Axis> axes, List<Integer> sizes,
                                int replicas) {
        if (sizes.contains(block.size()) && block.replicasMeet(0, replicas)
                && axes.stream().allMatch(a -> meet(block.values().get(a.name()), a.values(block.size())))) {
            return "the sweep";
        }
        for (int i = 0; i < before.size(); i++) {
            PointBlock other = before.get(i);
            if (other.size() == block.size() && block.replicasMeet(other.firstReplica(), other.replicas())
                    && axes.stream().allMatch(a -> meet(block.values().get(a.name()),
                    other.values().get(a.name()).stream().mapToDouble(Double::doubleValue).toArray()))) {
                return "added[" + i + "]";
            }
        }
        return null;
    }

    private static boolean meet(List<Double> values, double[] others) {
        Set<Double> set = new HashSet<>(values);
        for (double o : others) {
            if (set.contains(o)) {
                return true;
            }
        }
        return false;
    }
}
