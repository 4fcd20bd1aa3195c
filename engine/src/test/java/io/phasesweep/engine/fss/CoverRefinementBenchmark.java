package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.refine.WorldRefinement;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepParser;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole refinement of {@code sweeps/perceptron-refine.yaml} (its rounds, planner and stop
 * rule, {@link WorldRefinement}) in Cover's exact world ({@link CoverWorld}: a replica of size N
 * is SAT at α exactly when its pattern count is within its capacity, drawn once from Cover's law),
 * α_c = 2 and ν = 2 ({@link WorldRefinementTrials}). A point takes the mean wall time the real model
 * took at its size (twelve seeds of the refinement on 66ae995, load 2-4), so the budget buys what it
 * buys on this machine. Run by {@code bench/refined-world.sh perceptron-refine}; not a test.
 */
public final class CoverRefinementBenchmark {
    /** Mean wall ms of a perceptron point by N (κ = 0, α near 2). */
    private static final Map<Integer, Double> WALL_MS = Map.of(25, 0.0137, 50, 0.127, 100, 2.51, 200, 22.0);

    private CoverRefinementBenchmark() {
    }

    /** @param args the sweep file (sweeps/perceptron-refine.yaml) and the number of trials */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        WorldRefinementTrials.run(SweepParser.parse(Path.of(args[0]), registry), registry.find("perceptron"),
                Integer.parseInt(args[1]), CoverWorld.CRITICAL_ALPHA, "nu", 2.0, CoverRefinementBenchmark::world);
    }

    /** Cover's world with seed t: a replica's capacity from its (N, replica) alone, P's dither from its point. */
    private static WorldRefinement.World world(long seed) {
        Map<Long, Integer> capacities = new ConcurrentHashMap<>();
        return new WorldRefinement.World() {
            @Override
            public Map<String, Double> observe(Point p) {
                long replicaSeed = Seeds.disorder(seed, p.size(), p.replica());
                int capacity = capacities.computeIfAbsent(replicaSeed,
                        s -> CoverWorld.capacity(p.size(), Seeds.generator(s).nextDouble()));
                int patterns = PatternLoad.count(p.params().real("alpha"), p.size(), Seeds.generator(Seeds.dynamics(seed, p.key())));
                return Map.of("sat", patterns <= capacity ? 1.0 : 0.0, "margin", 0.0);
            }

            @Override
            public long wallMs(Point p) {
                return Math.round(WALL_MS.getOrDefault(p.size(), WALL_MS.get(200) * Math.pow(p.size() / 200.0, 3)));
            }
        };
    }
}
