package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The whole analysis of {@code sweeps/perceptron-refine.yaml} on its refined seeds' own grids with
 * Cover's exact law ({@link CoverWorld}): the coverage table of α_c = 2 and ν = 2 over
 * seeds × DRAWS trials, trial t the grid of seed (t − 1) mod seeds with capacities from generator t.
 * Run by {@code bench/refined-world.sh perceptron}; not a test.
 */
public final class CoverWorldBenchmark {
    private CoverWorldBenchmark() {
    }

    /** @param args the sweep file (sweeps/perceptron-refine.yaml) and the draws per seed */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec spec = SweepParser.parse(Path.of(args[0]), registry);
        int draws = Integer.parseInt(args[1]);
        CoverWorld world = CoverWorld.load();
        List<Integer> seeds = world.seeds();
        Map<String, Double> truth = Map.of(Quantity.CRITICAL_VALUE.name(), CoverWorld.CRITICAL_ALPHA, "nu", 2.0);
        CalibrationTest.coverage("the refined perceptron seeds' grids, Cover's exact law", seeds.size() * draws,
                List.of(Quantity.CRITICAL_VALUE.name(), "nu"), q -> truth.getOrDefault(q, Double.NaN),
                t -> SweepAnalysis.analyze(spec, registry.find("perceptron"),
                        world.samples(seeds.get((t - 1) % seeds.size()), new Random(t)), Map.of()));
    }
}
