package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.MonteCarlo;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Tasks and runs of the ising model for the tests, with seeds fixed by the parameters. */
final class IsingRuns {
    static final String[] OBSERVABLES = {"e", "e2", "absm", "m2", "m4"};

    private IsingRuns() {
    }

    static Task task(int dim, int size, double temperature, double field, String algorithm,
                     long thermalize, long measure) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("dim", (double) dim);
        params.put("J", 1.0);
        params.put("h", field);
        params.put("algorithm", algorithm);
        params.put("T", temperature);
        return new Task(new ParamValues(params), size, new Budget(
                Map.of(MonteCarlo.THERMALIZE, (double) thermalize, MonteCarlo.MEASURE, (double) measure)));
    }

    /** Runs with a dynamics stream seeded by the size and parameters, so equal tasks give equal runs. */
    static Measurement run(Task task) {
        return new IsingModel().run(task, streams(task, key(task)), Deadline.none());
    }

    /**
     * {@code count} independent runs of the task, each seeded by its replica index as well: for
     * {@code metropolis-msc} the lanes of ⌈count/64⌉ batches, for the others one run per replica.
     */
    static List<Measurement> replicas(Task task, int count) {
        IsingModel model = new IsingModel();
        int batch = model.replicaBatch(task);
        List<Measurement> all = new ArrayList<>();
        for (int first = 0; first < count; first += batch) {
            int lanes = Math.min(batch, count - first);
            RandomStreams streams = streams(task, key(task) + "|replica=" + first);
            all.addAll(batch > 1
                    ? model.runBatch(task, IntStream.range(0, lanes).toArray(), streams, Deadline.none())
                    : List.of(model.run(task, streams, Deadline.none())));
        }
        return all;
    }

    private static String key(Task task) {
        ParamValues p = task.params();
        return "size=" + task.size() + "|dim=" + p.integer("dim") + "|T=" + p.real("T") + "|h=" + p.real("h")
                + "|" + p.word("algorithm");
    }

    private static RandomStreams streams(Task task, String key) {
        return new RandomStreams(
                Seeds.generator(Seeds.disorder(1, task.size(), 0)), Seeds.generator(Seeds.dynamics(1, key)));
    }
}
