package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ModelRegistry;
import io.phasesweep.engine.refine.WorldRefinement;
import io.phasesweep.engine.sweep.Point;
import io.phasesweep.engine.sweep.Seeds;
import io.phasesweep.engine.sweep.SweepParser;
import org.apache.commons.math3.special.Erf;

import java.nio.file.Path;
import java.util.Map;

/**
 * The whole refinement of {@code sweeps/percolation2d-refine.yaml} ({@link WorldRefinement}) in a
 * world of 2D site percolation's wrapping probability with a known p_c, ν = 4/3 and corrections
 * L^(−2) ({@link WorldRefinementTrials}). As in the model (Newman–Ziff, one occupation order per
 * replica, every p from it), a replica of size L wraps from a threshold p_r on, drawn once from its
 * (L, replica) disorder seed, and its {@code wraps} at p is the chance that Binomial(L², p) sites
 * reach it: Φ((p − p_r) L / √(p(1 − p))). The thresholds are p_c + L^(−1/ν) (μ_L + s_L z), z standard
 * normal. The scaling width is that of the curve in p, the grand-canonical one: each replica's
 * threshold spread s_L and the binomial smoothing, whose variance is p(1 − p) L^(−1/2) in units of
 * (p − p_c) L^(3/4), add to S² = {@link #SPREAD}², so s_L² = S² − p_c(1 − p_c) L^(−1/2). The real
 * model does so ({@link io.phasesweep.engine.models.percolation.PercolationThresholdSpread}: its replicas' thresholds spread by 0.34 at
 * L = 16 and 0.41 at L = 256 in these units, while its curves in p keep one width, 0.42-0.43);
 * a fixed s_L instead narrows the curves by 10 % from L = 16 to 256, a correction L^(−1/2) the model
 * does not have, and biased the collapse's ν low. μ gives the square lattice's wrapping probability
 * at p_c, R_c = 0.6905 (either axis; Newman and Ziff 2001), and μ_L = μ + {@link #CORRECTION} L^(−2)
 * moves the pair crossings as the torus' L^(−11/4) convergence does. A point takes the mean wall time the real
 * model took per point at its size. Run by {@code bench/refined-world.sh percolation2d-refine};
 * not a test.
 */
public final class PercolationRefinementBenchmark {
    static final double CRITICAL_P = 0.5927462;
    static final double NU = 4.0 / 3;
    /** The scaled width of the curves in p: the standard deviation of (p_r − p_c) L^(3/4) with the binomial smoothing. */
    static final double SPREAD = 0.42;
    /** The wrapping probability along either axis at p_c on large square lattices. */
    static final double WRAPPING_AT_CRITICAL = 0.6905;
    /** The amplitude of the scaled threshold's correction, times L^(−2). */
    static final double CORRECTION = 2;
    /**
     * Mean wall ms of a percolation point by L: 12 replicas of 7 values of p over [0.58, 0.61] per
     * size, {@code ./phasesweep run} on 2 cores beside a world benchmark (2026-12-07, load 2-3).
     */
    private static final Map<Integer, Double> WALL_MS = Map.of(16, 0.083, 32, 0.167, 64, 0.333, 128, 1.33, 256, 13.5);

    private PercolationRefinementBenchmark() {
    }

    /** @param args the sweep file (sweeps/percolation2d-refine.yaml) and the number of trials */
    public static void main(String[] args) throws Exception {
        ModelRegistry registry = ModelRegistry.load();
        WorldRefinementTrials.run(SweepParser.parse(Path.of(args[0]), registry), registry.find("percolation"),
                Integer.parseInt(args[1]), CRITICAL_P, "nu", NU, PercolationRefinementBenchmark::world);
    }

    /** The world of seed t: a replica's threshold from its (L, replica) alone, as the model's occupation order. */
    private static WorldRefinement.World world(long seed) {
        return new WorldRefinement.World() {
            @Override
            public Map<String, Double> observe(Point p) {
                double x = p.params().real("p");
                double threshold = threshold(p.size(), Seeds.generator(Seeds.disorder(seed, p.size(), p.replica())).nextGaussian());
                // the other observables are no estimate's: constants
                return Map.of("wraps", normalCdf((x - threshold) * p.size() / Math.sqrt(x * (1 - x))),
                        "spans", 0.0, "pmax", 0.0, "mean_size", 0.0, "chi", 0.0);
            }

            @Override
            public long wallMs(Point p) {
                return Math.round(WALL_MS.get(p.size()));
            }
        };
    }

    /** The threshold of a replica of size L whose standard normal draw is z. */
    static double threshold(int size, double z) {
        double mu = -SPREAD * inverseNormalCdf(WRAPPING_AT_CRITICAL) + CORRECTION * Math.pow(size, -2);
        double spread = Math.sqrt(SPREAD * SPREAD - CRITICAL_P * (1 - CRITICAL_P) / Math.sqrt(size));
        return CRITICAL_P + Math.pow(size, -1 / NU) * (mu + spread * z);
    }

    private static double normalCdf(double x) {
        return 0.5 * Erf.erfc(-x / Math.sqrt(2));
    }

    private static double inverseNormalCdf(double q) {
        return Math.sqrt(2) * Erf.erfInv(2 * q - 1);
    }
}
