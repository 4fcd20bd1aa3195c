package io.phasesweep.engine.sweep;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A validated sweep file. Parameter values are {@link Double} for numbers and {@link String} for
 * words; every declared model parameter is present (defaults filled in), as is every budget key.
 * Maps keep file order.
 *
 * @param analysis the analysis section, or null when the file has none
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
        AnalysisSpec analysis) {

    public SweepSpec {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        axes = List.copyOf(axes);
        sizes = List.copyOf(sizes);
        budget = Collections.unmodifiableMap(new LinkedHashMap<>(budget));
    }

    public Axis axis(String name) {
        return axes.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
    }
}
