package io.phasesweep.engine.models.teacherstudent;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * SGD on the teacher–student perceptron (Sclocchi &amp; Wyart, PNAS 2024): teacher y = sign(x₁),
 * student f(x) = w·x/√d, hinge loss with margin κ ({@code margin}, default 1), batch B and learning
 * rate η, trained to zero training loss or {@code max_steps}. The size is P, the number of training
 * samples. Margin κ at rate η is margin 1 at rate η/κ (w scaled by κ), so {@code margin = 0} (the
 * perceptron loss, a sample active while y f ≤ 0) is the large-η limit of margin 1: with w₀ = 0 every
 * w is then proportional to η, and |w|/η depends on B, P, d and χ only.
 *
 * <p>Disorder stream (the same for every B, η at fixed (P, replica), so one sample is followed
 * across the plane): the P training inputs, then w₀ (standard Gaussian components when
 * {@code init = gaussian}). Dynamics stream: the batch order only. The test error is computed
 * exactly from w (see {@link GeneralizationError}), not from sampled test points.
 *
 * <p>Dimension: {@code d_mode = fixed} uses {@code d}; {@code d_mode = ratio} uses
 * d = max(1, round(P / p_over_d)), so P/d stays fixed across sizes.
 */
public final class TeacherStudentModel implements Model {

    @Override
    public String id() {
        return "teacher-student";
    }

    @Override
    public String summary() {
        return "SGD (batch B, learning rate η) on the hinge-loss teacher–student perceptron, data density ∝ |x₁|^χ";
    }

    @Override
    public String sizeMeaning() {
        return "P (number of training samples)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.integer("B", null, 1, Integer.MAX_VALUE, "batch size; B ≥ P is gradient descent"),
                ParamSpec.real("eta", null, 0.0, null, "learning rate η (> 0); T = η/B"),
                ParamSpec.real("chi", 0.0, 0.0, null, "exponent χ of the density ∝ |x₁|^χ near the boundary; 0 = Gaussian"),
                ParamSpec.word("d_mode", "fixed", List.of("fixed", "ratio"),
                        "fixed: the input dimension is d; ratio: d = round(P / p_over_d)"),
                ParamSpec.integer("d", 128, 1, 1 << 20, "input dimension when d_mode = fixed"),
                ParamSpec.real("p_over_d", 4.0, 1e-6, null, "P/d when d_mode = ratio"),
                ParamSpec.real("margin", 1.0, 0.0, null,
                        "hinge margin κ: loss max(0, κ − y f); 0 = the limit κ → 0⁺ (η → ∞ at margin 1)"),
                ParamSpec.word("init", "gaussian", List.of("gaussian", "zero"),
                        "w₀: standard Gaussian components (from the disorder stream), or 0"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("test_error", "exact probability of misclassifying a fresh input"),
                ObservableSpec.value("steps", "SGD steps until the training loss became zero (the cap if not converged)"),
                ObservableSpec.value("wnorm", "|w| at the end"),
                ObservableSpec.value("displacement", "|w − w₀| at the end"),
                ObservableSpec.value("converged", "1 if the training loss reached zero within max_steps, else 0"),
                ObservableSpec.value("wnorm_gd", "|w| at the end of gradient descent (B = P) from the same w₀ and η"),
                ObservableSpec.value("w_teacher", "w₁ = w·e₁ at the end: the component along the teacher"),
                ObservableSpec.value("w_perp", "|w − w₁e₁| at the end: the component orthogonal to the teacher"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(new DerivedObservable("wnorm_ratio",
                "[wnorm]/[wnorm_gd]: ≈ 1 where the first step dominates (B ≳ B*), grows as 1/B in the noise-dominated regime",
                List.of("wnorm", "wnorm_gd"), (means, params, size) -> means[0] / means[1]),
                new DerivedObservable("teacher_over_perp",
                        "[w_teacher]/[w_perp]: the alignment with the teacher, 1/tan of the angle between w and e₁",
                        List.of("w_teacher", "w_perp"), (means, params, size) -> means[0] / means[1]));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of(BudgetKey.count("max_steps", 1e6, 1, "cap on SGD steps"));
    }

    @Override
    public double cost(Task task) {
        ParamValues params = task.params();
        // The SGD run plus the gradient-descent reference (batch P).
        double batch = Math.min(params.integer("B"), task.size()) + task.size();
        return dimension(params, task.size()) * batch * task.budget().get("max_steps");
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        ParamValues params = task.params();
        int p = task.size();
        int d = dimension(params, p);
        double chi = params.real("chi");
        double eta = params.real("eta");
        double margin = params.real("margin");
        if (!(eta > 0)) {
            throw new IllegalArgumentException("eta must be > 0, got " + eta);
        }
        TrainingSet data = TrainingSet.draw(p, d, chi, streams.disorder());
        double[] w0 = initialWeights(params.word("init"), d, streams.disorder());
        long maxSteps = task.budget().count("max_steps");
        Sgd.Result result = Sgd.train(data, w0, params.integer("B"), eta, margin, maxSteps, streams.dynamics(), deadline::check);
        // Gradient descent does not depend on the sample order, so the stream it shuffles with is irrelevant.
        Sgd.Result gradientDescent = Sgd.train(data, w0, p, eta, margin, maxSteps, streams.dynamics(), deadline::check);
        double displacement = 0;
        for (int i = 0; i < d; i++) {
            displacement += (result.w()[i] - w0[i]) * (result.w()[i] - w0[i]);
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("test_error", GeneralizationError.of(result.w(), chi));
        values.put("steps", (double) result.steps());
        values.put("wnorm", norm(result.w()));
        values.put("displacement", Math.sqrt(displacement));
        values.put("converged", result.converged() ? 1.0 : 0.0);
        values.put("wnorm_gd", norm(gradientDescent.w()));
        double teacher = result.w()[0];
        double perp = 0;
        for (int i = 1; i < d; i++) {
            perp += result.w()[i] * result.w()[i];
        }
        values.put("w_teacher", teacher);
        values.put("w_perp", Math.sqrt(perp));
        return Measurement.of(values);
    }

    private static double norm(double[] w) {
        double s = 0;
        for (double wi : w) {
            s += wi * wi;
        }
        return Math.sqrt(s);
    }

    static int dimension(ParamValues params, int p) {
        return params.word("d_mode").equals("fixed")
                ? params.integer("d")
                : (int) Math.max(1, Math.round(p / params.real("p_over_d")));
    }

    static double[] initialWeights(String init, int d, RandomGenerator disorder) {
        double[] w0 = new double[d];
        if (init.equals("gaussian")) {
            for (int i = 0; i < d; i++) {
                w0[i] = disorder.nextGaussian();
            }
        }
        return w0;
    }
}
