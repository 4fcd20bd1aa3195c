package io.phasesweep.jobs;

import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.sweep.Axis;
import io.phasesweep.engine.sweep.SweepSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Sweeps of the {@link ProbeModel} built in code, with the defaults filled in as the parser would. */
final class ProbeSweeps {
    static final ProbeModel MODEL = new ProbeModel();

    private ProbeSweeps() {
    }

    /** Sizes 4 and 8, x in {0.1, 0.2, 0.3, 0.4}, 3 replicas: 24 points; {@code params} override defaults. */
    static SweepFile sweep(String name, Map<String, Object> params) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (ParamSpec p : MODEL.params()) {
            if (!p.name().equals("x")) {
                all.put(p.name(), params.getOrDefault(p.name(), p.defaultValue()));
            }
        }
        SweepSpec spec = new SweepSpec(name, ProbeModel.ID, 20261123L, all,
                List.of(new Axis.Values("x", List.of(0.1, 0.2, 0.3, 0.4))), List.of(4, 8), 3,
                Map.of("draws", 50.0), null);
        return new SweepFile("# sweep " + name + " built in code\n", spec, MODEL);
    }
}
