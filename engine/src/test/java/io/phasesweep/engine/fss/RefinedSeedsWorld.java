package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.Sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A world with a known answer on the grids a refined sweep really made: the (size, T, replicas) of
 * {@code sweeps/ising2d-refine.yaml} run on 20 seeds (resource {@code refined-seeds-grids.csv}),
 * filled with a 2D Ising Binder cumulant whose T_c is exact and whose corrections to scaling are
 * those of the real chain. The synthetic models of {@link CalibrationTest} have a tanh-like curve
 * crossing mid-range and window grids laid out in advance; the Binder cumulant crosses at 0.61 of
 * its range 0–2/3, in its shoulder, and a refined sweep's grids are lopsided (coarse first values,
 * one size at step 0.02 where its neighbour has 0.01). Over these 20 seeds the real data's best
 * T_c came out one error bar low on average (docs/refine.md), with nothing to tell the analysis'
 * bias from the seeds' own noise; this world tells them apart.
 *
 * <p>The truth: U_L(T) = (2/3) / (1 + exp(p(x) + L^(−7/4) q(x))), x = (T − T_c) L / 4, p of degree
 * 6 and q of degree 4, fitted by weighted least squares to the 20 seeds' points pooled (the mean of
 * every replica measured at each (L, T), |T − T_c| L ≤ 6, L ≥ 12: χ² 145 on 75 degrees of freedom),
 * and continued beyond |x| = 1.5 with p linear and q constant, so that the tails stay monotone. It
 * gives U_L(T_c) = 0.61201, 0.61149, 0.61109, 0.61094, 0.61082 at L = 12 … 48, as a reference run
 * of the chain at T_c measured (0.61189, 0.61161, 0.61111, 0.61082, 0.61081 ± 0.00015), ν = 1 and
 * pair crossings 0.010 (8–12) to 0.0002 (32–48) below T_c. Each replica's U is the truth plus
 * Gaussian noise of the per-replica spread measured at that (L, T) (column {@code sd_u}).
 */
final class RefinedSeedsWorld {
    static final double CRITICAL_TEMPERATURE = 2.269185314;
    static final double OMEGA = 1.75;
    private static final double[] P = {-0.02003570568340168, 0.05929160178330066, 0.07477081843595305,
        -0.38885277187657075, -0.05023047621711319, 2.6471874631592347, -2.389886117181554};
    private static final double[] Q = {2.0919457052691834, 3.2417085649047137, -19.101540031103262,
        3.55547067005719, -1.9887739647087634};
    /** |x| beyond which p is continued linearly and q held: the fit's range |T − T_c| L ≤ 6. */
    private static final double FITTED_X = 1.5;

    /** One value of a seed's grid: its replicas, and the per-replica spread of U there. */
    record GridPoint(int seed, int size, double temperature, int replicas, double spread) {
    }

    private final List<GridPoint> grid;

    private RefinedSeedsWorld(List<GridPoint> grid) {
        this.grid = List.copyOf(grid);
    }

    static RefinedSeedsWorld load() {
        List<GridPoint> grid = new ArrayList<>();
        for (String[] f : ResourceCsv.rows("/refined-seeds-grids.csv")) {
            grid.add(new GridPoint(Integer.parseInt(f[0]), Integer.parseInt(f[1]), Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]), Double.parseDouble(f[4])));
        }
        return new RefinedSeedsWorld(grid);
    }

    List<Integer> seeds() {
        return grid.stream().map(GridPoint::seed).distinct().sorted().toList();
    }

    List<Integer> sizes() {
        return new ArrayList<>(new TreeSet<>(grid.stream().map(GridPoint::size).toList()));
    }

    /** The per-replica spread of U measured at the temperature of size L's grids nearest T. */
    double spread(int size, double temperature) {
        return grid.stream().filter(g -> g.size() == size)
                .min(java.util.Comparator.comparingDouble(g -> Math.abs(g.temperature() - temperature)))
                .orElseThrow(() -> new IllegalArgumentException("no grid of size " + size)).spread();
    }

    /** A replica's observables carrying its U: m2 = 1, so U = 1 − m4/3 with no ratio bias; |m|, e and e² constant. */
    static Map<String, Double> replicaValues(double u) {
        return new TreeMap<>(Map.of("m2", 1.0, "m4", 3 * (1 - u), "absm", 0.5, "e", -1.0, "e2", 1.0));
    }

    /** The true Binder cumulant of size L at T. */
    static double binder(int size, double temperature) {
        double x = (temperature - CRITICAL_TEMPERATURE) * size / 4;
        double inside = Math.max(-FITTED_X, Math.min(FITTED_X, x));
        double p = polynomial(P, inside) + slope(P, inside) * (x - inside);
        double exponent = p + Math.pow(size, -OMEGA) * polynomial(Q, inside);
        return (2.0 / 3) / (1 + Math.exp(Math.max(-50, Math.min(50, exponent))));
    }

    /** Where the true curves of sizes a and b cross near T_c, by bisection. */
    static double pairCrossing(int a, int b) {
        double lo = CRITICAL_TEMPERATURE - 0.05;
        double hi = CRITICAL_TEMPERATURE + 0.05;
        double atLo = binder(a, lo) - binder(b, lo);
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            double atMid = binder(a, mid) - binder(b, mid);
            if ((atMid > 0) == (atLo > 0)) {
                lo = mid;
                atLo = atMid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * A seed's curve of size L as the analysis builds it ({@link Curve#measured}): each value the
     * mean of its replicas' U, its error their spread over √replicas (NaN with one replica). With
     * {@code rng} null, the truth itself, its errors those the spread gives.
     */
    Curve curve(int seed, int size, Random rng) {
        List<GridPoint> points = grid.stream().filter(g -> g.seed() == seed && g.size() == size).toList();
        int n = points.size();
        double[] x = new double[n];
        double[] y = new double[n];
        double[] error = new double[n];
        int[] replicas = new int[n];
        for (int i = 0; i < n; i++) {
            GridPoint g = points.get(i);
            double[] u = replicaValues(g, rng);
            double mean = 0;
            for (double v : u) {
                mean += v / u.length;
            }
            double squares = 0;
            for (double v : u) {
                squares += (v - mean) * (v - mean);
            }
            x[i] = g.temperature();
            y[i] = mean;
            replicas[i] = g.replicas();
            error[i] = g.replicas() < 2 ? Double.NaN
                    : rng == null ? g.spread() / Math.sqrt(g.replicas()) : Math.sqrt(squares / (g.replicas() - 1) / g.replicas());
        }
        return Curve.measured(x, y, error, replicas);
    }

    /**
     * A seed's raw rows for the 2D Ising model's analysis ({@link #replicaValues}): only the Binder
     * cumulant's estimates have anything to find.
     */
    List<Sample> samples(int seed, Random rng) {
        List<Sample> samples = new ArrayList<>();
        for (GridPoint g : grid) {
            if (g.seed() != seed) {
                continue;
            }
            ParamValues params = new ParamValues(Map.of("T", g.temperature(), "dim", 2.0, "algorithm", "wolff", "J", 1.0, "h", 0.0));
            double[] u = replicaValues(g, rng);
            for (int r = 0; r < u.length; r++) {
                samples.add(new Sample(params, g.size(), r, replicaValues(u[r])));
            }
        }
        return samples;
    }

    private static double[] replicaValues(GridPoint g, Random rng) {
        double truth = binder(g.size(), g.temperature());
        double[] u = new double[g.replicas()];
        for (int r = 0; r < u.length; r++) {
            u[r] = truth + (rng == null ? 0 : g.spread() * rng.nextGaussian());
        }
        return u;
    }

    private static double polynomial(double[] c, double x) {
        double v = 0;
        for (double ck : c) {
            v = v * x + ck;
        }
        return v;
    }

    private static double slope(double[] c, double x) {
        double v = 0;
        int degree = c.length - 1;
        for (int k = 0; k < degree; k++) {
            v = v * x + (degree - k) * c[k];
        }
        return v;
    }
}
