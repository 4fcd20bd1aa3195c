package io.phasesweep.engine.run;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.PointGroup;
import io.phasesweep.engine.sweep.SweepError;
import io.phasesweep.engine.sweep.SweepExpander;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replica batches of the ising model's metropolis-msc, as {@code phasesweep run} forms and runs
 * them: one group per 64 replicas of a (temperature, size), keyed and seeded by the batch alone, so
 * growing the sweep's replicas leaves every finished row as it was.
 */
class ReplicaBatchTest {
    private static final ModelRegistry REGISTRY = ModelRegistry.load();
    private static final String SWEEP = """
            name: batches
            model: ising
            seed: 11
            params: {dim: 2, algorithm: metropolis-msc}
            axes:
              T: [2.2, 2.4]
            sizes: [4]
            replicas: %d
            budget: {thermalize: 20, measure: 100}
            """;

    @Test
    void batchesAreFixedByReplicaIndex() throws SweepError {
        List<PointGroup> groups = groups(70);
        assertEquals(List.of("size=4|T=2.2|batch=0", "size=4|T=2.2|batch=1", "size=4|T=2.4|batch=0", "size=4|T=2.4|batch=1"),
                groups.stream().map(PointGroup::key).toList());
        assertEquals(List.of(64, 6, 64, 6), groups.stream().map(g -> g.points().size()).toList());
        assertEquals(List.of(64, 65, 66, 67, 68, 69), groups.get(1).points().stream().map(p -> p.replica()).toList());
        assertTrue(groups.get(1).points().stream().allMatch(p -> p.dynamicsSeed() == groups.get(1).dynamicsSeed()),
                "every replica of a batch records the batch's seed");
    }

    @Test
    void growingTheReplicasKeepsEveryFinishedRow() throws SweepError {
        Map<String, RawRecord> before = rows(70);
        Map<String, RawRecord> after = rows(130);
        assertEquals(140, before.size());
        assertEquals(260, after.size());
        for (Map.Entry<String, RawRecord> e : before.entrySet()) {
            RawRecord grown = after.get(e.getKey());
            assertEquals(RawRecord.Status.OK, e.getValue().status(), e.getKey());
            assertEquals(e.getValue().measurement().values(), grown.measurement().values(), e.getKey());
            assertEquals(e.getValue().point().dynamicsSeed(), grown.point().dynamicsSeed(), e.getKey());
        }
        // and the replicas of a batch are different chains
        assertTrue(!before.get("size=4|T=2.2|r=0").measurement().values().equals(before.get("size=4|T=2.2|r=1").measurement().values()));
    }

    private static List<PointGroup> groups(int replicas) throws SweepError {
        SweepSpec spec = SweepParser.parse(SWEEP.formatted(replicas), "batches.yaml", REGISTRY);
        return SweepExpander.groups(spec, REGISTRY.find(spec.model()));
    }

    private static Map<String, RawRecord> rows(int replicas) throws SweepError {
        Model model = REGISTRY.find("ising");
        PointRunner runner = new PointRunner(model, 60);
        return groups(replicas).stream().flatMap(g -> runner.run(g).stream())
                .collect(Collectors.toMap(r -> r.point().key(), Function.identity()));
    }
}
