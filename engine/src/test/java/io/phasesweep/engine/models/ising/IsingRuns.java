package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.MonteCarloModel;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;

import java.util.LinkedHashMap;
import java.util.Map;

/** Points and runs of the ising model for the tests, with fixed seeds. */
final class IsingRuns {
    static final String[] OBSERVABLES = {"e", "e2", "absm", "m2", "m4"};

    private IsingRuns() {
    }

    static Point point(int dim, int size, double temperature, double field, String algorithm,
                       long thermalize, long measure) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("dim", (double) dim);
        params.put("J", 1.0);
        params.put("h", field);
        params.put("algorithm", algorithm);
        params.put("T", temperature);
        String key = "size=" + size + "|dim=" + dim + "|T=" + temperature + "|h=" + field + "|" + algorithm;
        return new Point("test", "ising", key, new ParamValues(params), size, 0,
                Seeds.disorder(1, size, 0), Seeds.dynamics(1, key),
                Map.of(MonteCarloModel.THERMALIZE, (double) thermalize, MonteCarloModel.MEASURE, (double) measure));
    }

    static Measurement run(Point point) {
        RandomStreams streams = new RandomStreams(
                Seeds.generator(point.disorderSeed()), Seeds.generator(point.dynamicsSeed()));
        return new IsingModel().run(point, streams, Deadline.none());
    }
}
