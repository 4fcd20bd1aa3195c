package io.phasesweep.engine.fss;

import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.models.synthetic.ScalingForms;
import io.phasesweep.engine.stats.ObservableSet;
import io.phasesweep.engine.stats.ReplicaData;
import io.phasesweep.engine.stats.Sample;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Synthetic finite-size-scaling data from the synthetic model's {@link ScalingForms} (known critical
 * value, exponents and corrections), drawn directly rather than through a sweep: {@code replicas}
 * replicas per (size, control value), each with its noise offset shared by all control values of
 * that replica and size, as in a disordered model whose disorder seed depends on (size, replica) only.
 */
record SyntheticFss(ScalingForms forms, int replicas, double noise) {

    static final ObservableSet OBSERVABLES = new ObservableSet(List.of("u", "chi", "absm"), List.of());
    static final int U = ScalingForms.U;
    static final int CHI = ScalingForms.CHI;
    static final int ABSM = ScalingForms.ABSM;

    /** The correction {@code correction}·L^(−ω) in u only. */
    SyntheticFss(double xc, double inverseNu, double gammaNu, double betaNu, double correction, double omega,
                 int replicas, double noise) {
        this(new ScalingForms(xc, inverseNu, gammaNu, betaNu, omega, correction, 0, 0), replicas, noise);
    }

    /** x_c = 2.27, 1/ν = 1, γ/ν = 7/4, β/ν = 1/8 (2D-Ising-like), no correction. */
    static SyntheticFss ising(int replicas, double noise) {
        return new SyntheticFss(2.27, 1.0, 1.75, 0.125, 0.0, 1.0, replicas, noise);
    }

    /** A window of {@code steps} points x_c ± halfwidth·L^(−1/ν), shifted off-centre so no grid point sits on x_c. */
    double[] window(int size, double halfwidth, int steps) {
        double w = halfwidth * Math.pow(size, -forms.inverseNu());
        double[] x = new double[steps];
        for (int i = 0; i < steps; i++) {
            x[i] = forms.xc() + 0.137 * w + w * (2.0 * i / (steps - 1) - 1);
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
        return sites(sizes, size -> Arrays.stream(grid.apply(size)).mapToObj(x -> new Site(x, replicas)).toList(), fixed, rng);
    }

    /** A control value of a size and its number of replicas (at most {@link #replicas}). */
    record Site(double x, int replicas) {
    }

    /**
     * Replica samples of every size at its sites {@code sites(L)}, as a refined sweep measures them:
     * replicas 0 … n − 1 at a site of n, each replica's shared noise the same at every site of its size.
     */
    List<Sample> sites(int[] sizes, IntFunction<List<Site>> sites, Map<String, Object> fixed, RandomGenerator rng) {
        List<Sample> out = new ArrayList<>();
        for (int size : sizes) {
            double[][] offset = new double[replicas][];
            for (int r = 0; r < replicas; r++) {
                offset[r] = ScalingForms.normals(rng);
            }
            for (Site site : sites.apply(size)) {
                double x = site.x();
                double[] t = forms.truth(x, size);
                for (int r = 0; r < site.replicas(); r++) {
                    double[] v = ScalingForms.noisy(t, noise, offset[r], ScalingForms.normals(rng));
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
