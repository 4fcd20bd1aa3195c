package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.stats.Sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A world with an exact answer on the grids a refined perceptron sweep really made: the (N, α,
 * replica numbers) of {@code sweeps/perceptron-refine.yaml} run on several seeds (resource
 * {@code perceptron-refined-grids.csv}), filled with Cover's (1965) exact law of linear
 * separability. P Gaussian patterns with random labels in N dimensions are separable through the
 * origin with probability S(P, N) = 2^(1−P) Σ_{k<N} C(P−1, k) = Pr[Bin(P − 1, 1/2) ≤ N − 1]; at
 * P = 2N it is 1/2 for every N, so the curves of all sizes pass through (α = 2, 1/2).
 *
 * <p>The model draws a replica's patterns one by one from its disorder stream, which depends on
 * (N, replica) only: its problem at α holds the first P of one sequence (P = αN, dithered between
 * ⌊αN⌋ and ⌈αN⌉ when not whole: {@link PatternLoad#count}), and is satisfiable exactly when
 * P is at most the replica's capacity P*, the longest separable prefix, with Pr[P* ≥ P] = S(P, N).
 * So each replica draws its capacity once and is SAT at every α whose P is within it: the same
 * correlation along α as the real data, and the same replica numbers shared or not between α
 * values as the refined grids had.
 */
final class CoverWorld {
    static final double CRITICAL_ALPHA = 2;

    /** One (seed, N, α) of a grid and a run of its replica numbers, first to last. */
    record GridPoint(int seed, int size, double alpha, int first, int last) {
    }

    private final List<GridPoint> grid;

    private CoverWorld(List<GridPoint> grid) {
        this.grid = List.copyOf(grid);
    }

    static CoverWorld load() {
        List<GridPoint> grid = new ArrayList<>();
        for (String[] f : ResourceCsv.rows("/perceptron-refined-grids.csv")) {
            grid.add(new GridPoint(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4])));
        }
        return new CoverWorld(grid);
    }

    List<Integer> seeds() {
        return grid.stream().map(GridPoint::seed).distinct().sorted().toList();
    }

    /** Pr[P patterns in N dimensions are separable] = Pr[Bin(P − 1, 1/2) ≤ N − 1]. */
    static double separable(int patterns, int n) {
        if (patterns <= n) {
            return 1;
        }
        // the binomial terms from k = N − 1 down, in logs: each is the one above times k/(P − k)
        double logTerm = logChoose(patterns - 1, n - 1) - (patterns - 1) * Math.log(2);
        double sum = 0;
        for (int k = n - 1; k >= 0; k--) {
            double term = Math.exp(logTerm);
            sum += term;
            if (term < 1e-17 * sum) {
                break;
            }
            logTerm += Math.log((double) k / (patterns - k));
        }
        return Math.min(1, sum);
    }

    /** The capacity of a replica whose uniform draw is u: the largest P with S(P, N) > u. */
    static int capacity(int n, double u) {
        int p = n;
        while (separable(p + 1, n) > u) {
            p++;
        }
        return p;
    }

    /**
     * A seed's raw rows for the perceptron's analysis, each replica of each size SAT at α exactly
     * when round(αN) is within its capacity, drawn once from {@code rng} (in order of size and
     * replica number, so a trial's draws do not depend on the grid's order).
     */
    List<Sample> samples(int seed, Random rng) {
        Map<Integer, Map<Integer, Integer>> capacities = new HashMap<>();
        List<GridPoint> points = grid.stream().filter(g -> g.seed() == seed).toList();
        points.stream().map(GridPoint::size).distinct().sorted().forEach(size -> {
            int last = points.stream().filter(g -> g.size() == size).mapToInt(GridPoint::last).max().orElseThrow();
            Map<Integer, Integer> bySize = new HashMap<>();
            for (int r = 0; r <= last; r++) {
                bySize.put(r, capacity(size, rng.nextDouble()));
            }
            capacities.put(size, bySize);
        });
        List<Sample> samples = new ArrayList<>();
        for (GridPoint g : points) {
            ParamValues params = new ParamValues(Map.of("alpha", g.alpha(), "kappa", 0.0, "patterns", "gaussian"));
            for (int r = g.first(); r <= g.last(); r++) {
                int p = PatternLoad.count(g.alpha(), g.size(), rng);
                double sat = p <= capacities.get(g.size()).get(r) ? 1 : 0;
                samples.add(new Sample(params, g.size(), r, Map.of("sat", sat, "margin", 0.0)));
            }
        }
        return samples;
    }

    private static double logChoose(int n, int k) {
        double v = 0;
        for (int i = 1; i <= k; i++) {
            v += Math.log((double) (n - k + i) / i);
        }
        return v;
    }
}
