package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.refine.WorldRefinement;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepParser;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole refinement of {@code sweeps/ising2d-refine.yaml} ({@link WorldRefinement}) in the 2D
 * Ising Binder world of {@link RefinedSeedsWorld}: a replica's U is the true cumulant of exact T_c
 * with corrections L^(−7/4), plus Gaussian noise of the per-replica spread the real chain had at
 * the nearest measured temperature of its size; T_c = 2.269185314 and ν = 1
 * ({@link WorldRefinementTrials}; only the Binder cumulant's estimates have anything to find). A
 * point takes the mean wall time of the real refinement's points at its size (78ee2d9, load ~2).
 * Run by {@code bench/refined-world.sh ising2d-refine}; not a test.
 */
public final class IsingRefinementBenchmark {
    /** Mean wall ms of a 2D Ising Wolff point (500 + 5000 flips) by L. */
    private static final Map<Integer, Double> WALL_MS = Map.of(8, 10.2, 12, 23.3, 16, 36.2, 24, 77.5, 32, 187.1, 48, 276.7);

    private IsingRefinementBenchmark() {
    }

    /** @param args the sweep file (sweeps/ising2d-refine.yaml) and the number of trials */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        RefinedSeedsWorld grids = RefinedSeedsWorld.load();
        WorldRefinementTrials.run(SweepParser.parse(Path.of(args[0]), registry), registry.find("ising"), Integer.parseInt(args[1]),
                RefinedSeedsWorld.CRITICAL_TEMPERATURE, "nu", 1.0, seed -> new WorldRefinement.World() {
                    @Override
                    public Map<String, Double> observe(Point p) {
                        double t = p.params().real("T");
                        double u = RefinedSeedsWorld.binder(p.size(), t)
                                + grids.spread(p.size(), t) * Seeds.generator(Seeds.dynamics(seed, p.key())).nextGaussian();
                        return RefinedSeedsWorld.replicaValues(u);
                    }

                    @Override
                    public long wallMs(Point p) {
                        return Math.round(WALL_MS.get(p.size()));
                    }
                });
    }
}
