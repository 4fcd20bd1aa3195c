package io.phasesweep.engine.models.jamming;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.random.RandomGenerator;

/**
 * Jamming of the spherical perceptron with soft constraints (Franz, Parisi 2016; Franz, Parisi,
 * Sevelev, Urbani, Zamponi 2017): P = round(α·N) patterns, H(w) = (1/p) Σ_μ max(0, κ − h_μ)^p on
 * |w|² = N, p = 2 (harmonic) or p = 1 (linear, smoothed over a small width: {@link SoftConstraints}),
 * minimised by FIRE from a random start, with Newton's steps on the contacts it heads for near the
 * end ({@link ContactNewton}, harmonic cost). At κ &lt; 0 the problem is not convex and the
 * minimiser's SAT/UNSAT (jamming) point α_J(κ) depends on the protocol; it lies below the
 * full-RSB SAT/UNSAT threshold.
 *
 * <p>The patterns are drawn as the {@code perceptron} model draws them (a label, then N
 * components, pattern by pattern), so the same disorder stream gives both models the same sample.
 * The dynamics stream draws the start.
 */
public final class JammingModel implements Model {
    /**
     * When the descent ends (see {@link Fire.Stop}). A solution: H/P ≤ 1e-20, every overlap
     * κ − h_μ below ~1.4e-10, far below the smallest positive energy at a stationary point that the
     * sweeps meet (docs/models/jamming.md). Certified stationary: |P_⊥∇H| ≤ 1e-9·√(2H). Or
     * |P_⊥∇H| ≤ 1e-13, which bounds an approach into a solution that would take millions of steps.
     */
    static final Fire.Stop STOP = new Fire.Stop(1e-20, 1e-9, 1e-13);
    static final String MAX_STEPS = "max_steps";

    @Override
    public String id() {
        return "jamming";
    }

    @Override
    public String summary() {
        return "jamming (SAT/UNSAT) of the spherical perceptron with negative margin kappa: harmonic or linear soft"
                + " constraints minimised by FIRE, with Newton's steps on the expected contacts at the end (harmonic)";
    }

    @Override
    public String sizeMeaning() {
        return "N (number of inputs)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("alpha", null, 0.0, null, "load P/N; P = alpha*N patterns, when not whole its floor or ceiling"
                        + " at random with mean alpha*N (at least 1)"),
                ParamSpec.real("kappa", 0.0, null, null, "margin: constraint mu is satisfied when h_mu >= kappa"
                        + " (kappa < 0: non-convex)"),
                ParamSpec.word("cost", "harmonic", List.of("harmonic", "linear"),
                        "cost of an overlap x = kappa - h > 0: x^2/2 (harmonic) or x (linear, smoothed over width)"),
                ParamSpec.real("width", 1e-3, 1e-12, 1.0, "linear cost only: x^2/(2 width) below width, so that"
                        + " the force is continuous; solutions unchanged, minima moved by O(width)"),
                ParamSpec.word("patterns", "gaussian", List.of("gaussian", "binary"),
                        "pattern components: standard normal or ±1"),
                ParamSpec.word("protocol", "descend", List.of("descend", "jam"), "descend: one descent at kappa;"
                        + " jam: the sample brought to its jamming point by changing kappa (decompression from the"
                        + " jammed side, bisection until 0 < H/P < " + Decompression.JAMMED + ")"),
                ParamSpec.real("gap_cutoff", 0.1, 1e-12, null, "gaps h_mu - kappa below it enter gamma's tail;"
                        + " a tenth of it gamma_inner's"),
                ParamSpec.real("force_cutoff", 0.3, 1e-12, null, "forces / their mean below it enter theta's tail;"
                        + " a tenth of it theta_inner's"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("sat", "1 if the descent ends at a solution (H/P <= " + STOP.solved()
                        + "), 0 at a minimum of positive energy"),
                ObservableSpec.value("energy", "H/P at the minimum found (linear cost: the unsmoothed ramp's)"),
                ObservableSpec.value("contacts", "constraints with h_mu < kappa (positive overlap) at the minimum, / N;"
                        + " 0 at a solution"),
                ObservableSpec.value("steps", "FIRE and Newton steps to the stopping rule"),
                ObservableSpec.value("uncertified", "1 if sat = 0 but the descent was stopped by the absolute force floor,"
                        + " not certified stationary (|P_⊥∇H| > 1e-9·√(2H)): possibly a very slow way into a solution"),
                ObservableSpec.value("kappa_end", "the margin of the final minimum: kappa (descend), the sample's jamming"
                        + " margin at this load (jam)"),
                ObservableSpec.value("gaps", "gaps h_mu - kappa_end > 0 of the non-overlapping constraints at most gap_cutoff"),
                ObservableSpec.value("gaps_log", "sum of ln(gap_cutoff/gap) over them"),
                ObservableSpec.value("gaps_inner", "gaps at most gap_cutoff/10"),
                ObservableSpec.value("gaps_inner_log", "sum of ln(gap_cutoff/10/gap) over them"),
                ObservableSpec.value("forces", "forces of the overlapping constraints, divided by their mean, at most"
                        + " force_cutoff (none at a solution)"),
                ObservableSpec.value("forces_log", "sum of ln(force_cutoff/force) over them"),
                ObservableSpec.value("forces_inner", "forces at most force_cutoff/10"),
                ObservableSpec.value("forces_inner_log", "sum of ln(force_cutoff/10/force) over them"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(new DerivedObservable("z_unsat", "[contacts]/(1 − [sat]): contacts/N averaged over the unsatisfied"
                + " samples (at least 1 at any minimum of positive energy; 1 at jamming)",
                List.of("contacts", "sat"), (means, params, size) -> means[0] / (1 - means[1])),
                tailExponent("gamma", "gaps", "gap_cutoff", "P(h) ~ h^-gamma", -1),
                tailExponent("gamma_inner", "gaps_inner", "gap_cutoff/10", "P(h) ~ h^-gamma", -1),
                tailExponent("theta", "forces", "force_cutoff", "P(f) ~ f^theta", 1),
                tailExponent("theta_inner", "forces_inner", "force_cutoff/10", "P(f) ~ f^theta", 1));
    }

    /**
     * The pooled maximum-likelihood exponent of a tail ({@link PowerLawTail}): a = [n]/[L] over the
     * replicas, the exponent 1 − a (gaps) or a − 1 (forces).
     */
    private static DerivedObservable tailExponent(String name, String tail, String cutoff, String law, int sign) {
        return new DerivedObservable(name, law + " below " + cutoff + ": " + (sign < 0 ? "1 - " : "") + "[" + tail
                + "]/[" + tail + "_log]" + (sign > 0 ? " - 1" : "") + ", the maximum-likelihood exponent of the tails"
                + " pooled over the replicas (protocol jam: at jamming)",
                List.of(tail, tail + "_log"), (means, params, size) -> sign * (means[0] / means[1] - 1));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(BudgetKey.count(MAX_STEPS, 1_000_000, 1, "guard on the steps of a descent: one that has not met"
                + " its stopping rule by then is a failed point"));
    }

    @Override
    public double cost(Task task) {
        // P·N per step; steps grow near jamming, which the cost cannot know; jamming takes ~30 descents
        double descents = task.params().word("protocol").equals("jam") ? 30 : 1;
        return descents * PatternLoad.mean(task.params().real("alpha"), task.size()) * task.size();
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        int n = task.size();
        // the dither is the dynamics stream's first draw, as in the perceptron: the same P on the same seed
        int p = PatternLoad.count(task.params().real("alpha"), n, streams.dynamics());
        double[] rows = patterns(p, n, task.params().word("patterns").equals("binary"), streams.disorder());
        double kappa = task.params().real("kappa");
        boolean linear = task.params().word("cost").equals("linear");
        double width = task.params().real("width");
        DoubleFunction<SoftConstraints> landscapes = margin -> linear ? SoftConstraints.linear(rows, p, n, margin, width)
                : SoftConstraints.harmonic(rows, p, n, margin);
        double[] start = randomStart(n, streams.dynamics());
        long maxSteps = task.budget().count(MAX_STEPS);
        Fire.Result end;
        double kappaEnd;
        long steps;
        if (task.params().word("protocol").equals("jam")) {
            Decompression.Jammed jammed = Decompression.jam(landscapes, kappa, start, STOP, maxSteps, deadline, true);
            end = jammed.minimum();
            kappaEnd = jammed.kappa();
            steps = jammed.steps();
        } else {
            end = Fire.minimise(landscapes.apply(kappa), start, STOP, maxSteps, deadline, true);
            if (!end.converged()) {
                throw new IllegalStateException("FIRE did not converge in " + end.steps() + " steps: H/P = "
                        + end.energy() / p + ", |grad| = " + end.force());
            }
            kappaEnd = kappa;
            steps = end.steps();
        }
        SoftConstraints landscape = landscapes.apply(kappaEnd);
        boolean sat = end.energy() / p <= STOP.solved();
        double energy = (linear ? landscape.ramp(end.stabilities()) : end.energy()) / p;
        int contacts = sat ? 0 : overlaps(end.stabilities(), kappaEnd);
        boolean uncertified = !sat && !end.certified(STOP);
        Map<String, Double> values = new HashMap<>(Map.of("sat", sat ? 1.0 : 0.0, "energy", energy,
                "contacts", (double) contacts / n, "steps", (double) steps, "uncertified", uncertified ? 1.0 : 0.0,
                "kappa_end", kappaEnd));
        double[] x = new double[p];
        tails(values, "gaps", x, sat ? 0 : landscape.gaps(end.stabilities(), x), task.params().real("gap_cutoff"));
        int forces = sat ? 0 : landscape.contactForces(end.stabilities(), x);
        divideByMean(x, forces);
        tails(values, "forces", x, forces, task.params().real("force_cutoff"));
        return Measurement.of(values);
    }

    /** The tails of {@code x[0..length)} below the cutoff and a tenth of it, as {@code name}, {@code name_log}, {@code name_inner}, .... */
    private static void tails(Map<String, Double> values, String name, double[] x, int length, double cutoff) {
        PowerLawTail tail = PowerLawTail.of(x, length, cutoff);
        PowerLawTail inner = PowerLawTail.of(x, length, cutoff / 10);
        values.put(name, (double) tail.count());
        values.put(name + "_log", tail.logSum());
        values.put(name + "_inner", (double) inner.count());
        values.put(name + "_inner_log", inner.logSum());
    }

    private static void divideByMean(double[] x, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += x[i];
        }
        for (int i = 0; i < length; i++) {
            x[i] *= length / sum;
        }
    }

    /** Constraints with h_μ &lt; κ. */
    static int overlaps(double[] h, double kappa) {
        int c = 0;
        for (double x : h) {
            if (x < kappa) {
                c++;
            }
        }
        return c;
    }

    /** Row-major rows y_μ ξ_μ/√N, drawn pattern by pattern (label, then components) as the perceptron model does. */
    static double[] patterns(int p, int n, boolean binary, RandomGenerator disorder) {
        double scale = 1 / Math.sqrt(n);
        double[] rows = new double[p * n];
        for (int mu = 0, k = 0; mu < p; mu++) {
            double label = disorder.nextBoolean() ? scale : -scale;
            for (int i = 0; i < n; i++, k++) {
                double xi = binary ? (disorder.nextBoolean() ? 1 : -1) : disorder.nextGaussian();
                rows[k] = label * xi;
            }
        }
        return rows;
    }

    /** A uniform point of the sphere |w|² = N. */
    static double[] randomStart(int n, RandomGenerator dynamics) {
        double[] w = new double[n];
        double norm = 0;
        for (int i = 0; i < n; i++) {
            w[i] = dynamics.nextGaussian();
            norm += w[i] * w[i];
        }
        double scale = Math.sqrt(n / norm);
        for (int i = 0; i < n; i++) {
            w[i] *= scale;
        }
        return w;
    }
}
