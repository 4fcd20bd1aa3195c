package io.phasesweep.engine.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep file. Parameter values are {@link Double} for numbers and {@link String} for
 * words; {@code params} holds every declared model parameter that is not swept (given ones in file
 * order, then defaults), so that {@code params} plus one value per axis is a complete point. Every
 * budget key of the model is present, plus {@code time_limit} when the file gives it. Read with
 * {@link SweepParser}, printed back with {@link SweepPrinter}.
 *
 * @param analysis the analysis section, or null when the file has none
 * @param refine   the refine section, or null when the file has none
 */
public record SweepSpec(
        String name,
        String model,
        long seed,
        Map<String, Object> params,
        List<Axis> axes,
        List<Integer> sizes,
        int replicas,
        Map<String, Double> budget,
        AnalysisSpec analysis,
        RefineSpec refine) {

    public SweepSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        axes = List.copyOf(axes);
        sizes = List.copyOf(sizes);
        budget = Collections.unmodifiableMap(new LinkedHashMap<>(budget));
    }

    /** A sweep without a refine section. */
    public SweepSpec(String name, String model, long seed, Map<String, Object> params, List<Axis> axes,
                     List<Integer> sizes, int replicas, Map<String, Double> budget, AnalysisSpec analysis) {
        this(name, model, seed, params, axes, sizes, replicas, budget, analysis, null);
    }

    /** The same sweep with another refine section (a round's added points). */
    public SweepSpec withRefine(RefineSpec newRefine) {
        return new SweepSpec(name, model, seed, params, axes, sizes, replicas, budget, analysis, newRefine);
    }

    /** The points refinement rounds added (none without a refine section). */
    public List<PointBlock> added() {
        return refine == null ? List.of() : refine.added();
    }

    public Axis axis(String name) {
        return axes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
