package io.phasesweep.engine.models.perceptron;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.PatternLoad;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Storage capacity of the spherical perceptron (Gardner 1988): P = αN patterns ξ_μ ({@link PatternLoad#count}) with
 * random labels y_μ = ±1; the sample is satisfiable at margin κ when some w has every stability
 * Δ_μ = y_μ w·ξ_μ/|w| ≥ κ (strictly &gt; 0 at κ = 0, as in Cover's count of dichotomies).
 * α_c(κ=0) = 2; α_c(κ) = 1/∫_{−κ}^∞ Dt (t+κ)² in general.
 *
 * <p>Patterns are drawn one after the other (label, then the N components), so the first P patterns
 * of a sample are the same whatever α.
 */
public final class PerceptronModel implements Model {

    @Override
    public String id() {
        return "perceptron";
    }

    @Override
    public String summary() {
        return "Gardner storage capacity of the spherical perceptron with margin kappa (exact max-margin solver)";
    }

    @Override
    public String sizeMeaning() {
        return "N (number of inputs)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("alpha", null, 0.0, null, "load P/N; P = alpha*N patterns when whole, else floor or ceiling"
                        + " at random with mean alpha*N (at least 1)"),
                ParamSpec.real("kappa", 0.0, 0.0, null, "required stability margin"),
                ParamSpec.word("patterns", "gaussian", List.of("gaussian", "binary"),
                        "pattern components: standard normal or ±1"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.probability("sat", "1 if some w has every stability >= kappa (> 0 at kappa = 0), else 0"),
                ObservableSpec.value("margin", "max over |w| = 1 of the smallest stability when that is positive"
                        + " (the max margin), 0 when the patterns are not linearly separable"
                        + " (= distance from the origin to the convex hull of the y_mu xi_mu)"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    @Override
    public double cost(Task task) {
        double n = task.size();
        double p = PatternLoad.mean(task.params().real("alpha"), task.size());
        return p * p * n + n * n * n;
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        int n = task.size();
        double[][] a = patterns(PatternLoad.count(task.params().real("alpha"), n, streams.dynamics()), n,
                task.params().word("patterns").equals("binary"), streams.disorder());
        MaxMargin result = MaxMarginSolver.solve(a, deadline);
        // rows were scaled by 1/√N, so stabilities y ξ·w/|w| are √N times a·w
        double margin = Math.sqrt(n) * result.margin();
        double kappa = task.params().real("kappa");
        boolean sat = result.separable() && margin >= kappa;
        return Measurement.of(Map.of("sat", sat ? 1.0 : 0.0, "margin", margin));
    }

    /** Rows y_μ ξ_μ/√N, drawn pattern by pattern so that a prefix does not depend on P. */
    static double[][] patterns(int p, int n, boolean binary, RandomGenerator disorder) {
        double scale = 1 / Math.sqrt(n);
        double[][] a = new double[p][n];
        for (double[] row : a) {
            double label = disorder.nextBoolean() ? scale : -scale;
            for (int i = 0; i < n; i++) {
                double xi = binary ? (disorder.nextBoolean() ? 1 : -1) : disorder.nextGaussian();
                row[i] = label * xi;
            }
        }
        return a;
    }
}
