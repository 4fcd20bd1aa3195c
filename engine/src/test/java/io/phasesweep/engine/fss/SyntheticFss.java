package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.stats.Sample;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Synthetic finite-size-scaling data with known critical value and exponents, z = (x − x_c)·L^(1/ν):
 * <ul>
 *   <li>u (Binder-like, dimensionless): (1 − tanh z)/3 + c·L^(−ω)/cosh z, the correction shifting
 *       the pair crossings by ~L^(−1/ν−ω);</li>
 *   <li>chi: L^(γ/ν)·exp(−(z − 1/2)²/2), peak at x_c + ½·L^(−1/ν);</li>
 *   <li>absm: L^(−β/ν)·((1 − tanh z)/2 + 0.05).</li>
 * </ul>
 * Each replica adds noise of relative size {@code noise} (absolute for u): 0.6 of it a disorder
 * offset shared by all control values of that replica and size, 0.8 independent per point, as in
 * a disordered model whose disorder seed depends on (size, replica) only.
 */
record SyntheticFss(double xc, double inverseNu, double gammaNu, double betaNu, double correction, double omega,
                    int replicas, double noise) {

    static final ObservableSet OBSERVABLES = new ObservableSet(List.of("u", "chi", "absm"), List.of());
    static final int U = 0;
    static final int CHI = 1;
    static final int ABSM = 2;

    /** x_c = 2.27, 1/ν = 1, γ/ν = 7/4, β/ν = 1/8 (2D-Ising-like), no correction. */
    static SyntheticFss ising(int replicas, double noise) {
        return new SyntheticFss(2.27, 1.0, 1.75, 0.125, 0.0, 1.0, replicas, noise);
    }

    double[] truth(double x, int size) {
        double z = (x - xc) * Math.pow(size, inverseNu);
        return new double[]{
                (1 - Math.tanh(z)) / 3 + correction * Math.pow(size, -omega) / Math.cosh(z),
                Math.pow(size, gammaNu) * Math.exp(-0.5 * (z - 0.5) * (z - 0.5)),
                Math.pow(size, -betaNu) * ((1 - Math.tanh(z)) / 2 + 0.05)};
    }

    /** A window of {@code steps} points x_c ± halfwidth·L^(−1/ν), shifted off-centre so no grid point sits on x_c. */
    double[] window(int size, double halfwidth, int steps) {
        double w = halfwidth * Math.pow(size, -inverseNu);
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = xc + 0.137 * w + w * (2.0 * i / (steps - 1) - 1);
        }
        return x;
    }

    /**
     * The grid of a sweep's window axis {center, halfwidth, size_exponent, steps}: steps points
     * center ± halfwidth·L^sizeExponent, whatever x_c and ν of the model are.
     */
    static double[] sweepWindow(int size, double center, double halfwidth, double sizeExponent, int steps) {
        double w = halfwidth * Math.pow(size, sizeExponent);
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = center + w * (2.0 * i / (steps - 1) - 1);
        }
        return x;
    }

    List<Sample> samples(int[] sizes, double halfwidth, int steps, Map<String, Object> fixed, RandomGenerator rng) {
        return samples(sizes, size -> window(size, halfwidth, steps), fixed, rng);
    }

    /** Replica samples of every size on its grid {@code grid(L)}. */
    List<Sample> samples(int[] sizes, IntFunction<double[]> grid, Map<String, Object> fixed, RandomGenerator rng) {
        List<Sample> out = new ArrayList<>();
        for (int size : sizes) {
            double[][] offset = new double[replicas][3];
            for (double[] o : offset) {
                for (int k = 0; k < 3; k++) {
                    o[k] = rng.nextGaussian();
                }
            }
            for (double x : grid.apply(size)) {
                double[] t = truth(x, size);
                for (int r = 0; r < replicas; r++) {
                    double[] v = new double[3];
                    for (int k = 0; k < 3; k++) {
                        double e = noise * (0.6 * offset[r][k] + 0.8 * rng.nextGaussian());
                        v[k] = k == U ? t[k] + e : t[k] * (1 + e);
                    }
                    Map<String, Object> p = new LinkedHashMap<>(fixed);
                    p.put("T", x);
                    out.add(new Sample(new ParamValues(p), size, r, Map.of("u", v[U], "chi", v[CHI], "absm", v[ABSM])));
                }
            }
        }
        return out;
    }

    ResampledCurves curves(int[] sizes, double halfwidth, int steps, int bootstrap, RandomGenerator rng) {
        return curves(samples(sizes, halfwidth, steps, Map.of(), rng), bootstrap, rng);
    }

    static ResampledCurves curves(List<Sample> samples, int bootstrap, RandomGenerator rng) {
        long seed = rng.nextLong();
        List<ResampledPoint> points = samples.stream()
                .collect(Collectors.groupingBy(Sample::key, LinkedHashMap::new, Collectors.toList()))
                .entrySet().stream().map(e -> ResampledPoint.of(ReplicaData.of(e.getKey(), e.getValue(), OBSERVABLES),
                        0, OBSERVABLES, bootstrap, seed)).toList();
        return ResampledCurves.of(points, "T");
    }
}
