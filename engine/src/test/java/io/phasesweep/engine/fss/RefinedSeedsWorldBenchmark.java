package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.sweep.SweepParser;
import io.phasesweep.engine.sweep.SweepSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The whole analysis of {@code sweeps/ising2d-refine.yaml} on the 20 refined seeds' own grids with a
 * known truth ({@link RefinedSeedsWorld}): first how far the pair crossings are read from their
 * truth (seconds), then the coverage table of T_c and ν (their rows and best rows) over 20 × DRAWS
 * trials, trial t the grid of seed (t − 1) mod 20 with noise from generator t.
 * Run by bench/refined-world.sh (about 6 s of one core per trial); not a test.
 */
public final class RefinedSeedsWorldBenchmark {
    private RefinedSeedsWorldBenchmark() {
    }

    /** @param args the sweep file (sweeps/ising2d-refine.yaml) and the draws per seed */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        SweepSpec spec = SweepParser.parse(Path.of(args[0]), registry);
        Model ising = registry.find("ising");
        int draws = Integer.parseInt(args[1]);
        RefinedSeedsWorld world = RefinedSeedsWorld.load();
        List<Integer> seeds = world.seeds();
        printPairReadings(world);
        Map<String, Double> truth = Map.of(Quantity.CRITICAL_VALUE.name(), RefinedSeedsWorld.CRITICAL_TEMPERATURE, "nu", 1.0);
        CalibrationTest.coverage("the 20 refined seeds' grids, 2D Ising Binder truth", seeds.size() * draws,
                List.of(Quantity.CRITICAL_VALUE.name(), "nu"), q -> truth.getOrDefault(q, Double.NaN),
                t -> SweepAnalysis.analyze(spec, ising, world.samples(seeds.get((t - 1) % seeds.size()), new Random(t)), Map.of()));
    }

    /** Draws of each seed's grid per pair in {@link #printPairReadings}: 20 × 200 = 4000 readings, whose mean is known to 0.016 spreads. */
    private static final int PAIR_DRAWS = 200;

    /**
     * Each pair crossing of consecutive sizes as {@link Crossing#of} reads it on noisy draws of the
     * seeds' curves: its mean offset from the truth, and that offset in units of its spread. The
     * drift extrapolates the pairs and multiplies an offset of the largest ones (by about 1.7 for
     * 32–48, −0.7 for 24–32 on these sizes, ω = 7/4).
     */
    private static void printPairReadings(RefinedSeedsWorld world) {
        List<Integer> sizes = world.sizes();
        for (int k = 0; k + 1 < sizes.size(); k++) {
            int a = sizes.get(k);
            int b = sizes.get(k + 1);
            double truth = RefinedSeedsWorld.pairCrossing(a, b);
            Random rng = new Random(1000L * a + b);
            double sum = 0;
            double squares = 0;
            int n = 0;
            for (int seed : world.seeds()) {
                for (int d = 0; d < PAIR_DRAWS; d++) {
                    double offset = Crossing.of(world.curve(seed, a, rng), world.curve(seed, b, rng)) - truth;
                    if (Double.isFinite(offset)) {
                        sum += offset;
                        squares += offset * offset;
                        n++;
                    }
                }
            }
            double mean = sum / n;
            double spread = Math.sqrt(squares / n - mean * mean);
            System.out.printf(Locale.ROOT, "pair %d-%d (truth %+.6f from T_c): mean offset %+.6f, spread %.6f, %+.3f spreads, %d readings%n",
                    a, b, truth - RefinedSeedsWorld.CRITICAL_TEMPERATURE, mean, spread, mean / spread, n);
        }
    }
}
