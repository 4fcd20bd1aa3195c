package io.phasesweep.engine.models.speciation;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Speciation in the backward diffusion of a two-Gaussian mixture (Biroli, Bonnaire, de Bortoli,
 * Mézard 2024): a datum x_0 of ½ N(±m, σ² I), |m|² = d, is noised by the Ornstein–Uhlenbeck process
 * to the cloning time t = −½ log ᾱ, and {@code clones} backward trajectories with the exact score
 * start from that one noised sample. The probability that two of them end in the same class falls
 * from 1 (t → 0) to ½ (t → ∞) around ᾱ·Λ = 1, Λ = d + σ² the top eigenvalue of the data covariance,
 * that is around t_s = ½ log Λ; at large d it is a function of ᾱ·d alone, that is of t − ½ log d.
 * The same holds for Curie–Weiss data in the ordered phase (Λ = E[M²]/N ≈ N m*²).
 *
 * <p>The disorder stream draws the datum and the forward noise (in a fixed order, so one noised
 * path is followed across ᾱ); the dynamics stream drives the backward trajectories.
 */
public final class SpeciationModel implements Model {

    @Override
    public String id() {
        return "speciation";
    }

    @Override
    public String summary() {
        return "speciation of the backward diffusion (two Gaussians or Curie–Weiss data): cloned trajectories"
                + " split classes at t_s = ½ log Λ";
    }

    @Override
    public String sizeMeaning() {
        return "d (dimension of the data)";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("abar", null, Double.MIN_VALUE, 1.0,
                        "ᾱ = e^(−2t), t the cloning time of the OU forward process (the control); speciation"
                                + " at ᾱ·Λ = 1, Λ = d + σ², that is t_s = ½ log Λ"),
                ParamSpec.word("data", "gaussians", List.of("gaussians", "curie-weiss"),
                        "gaussians: ½N(±m, σ²I), m = (1, …, 1); curie-weiss: N spins ±1 with P ∝ exp(βM²/2N),"
                                + " M = Σ s_i (score and posterior through a 1-d integral over the Hubbard–Stratonovich field)"),
                ParamSpec.real("sigma", 1.0, Double.MIN_VALUE, null,
                        "gaussians: standard deviation of each Gaussian of the data"),
                ParamSpec.real("beta", 1.5, Double.MIN_VALUE, null,
                        "curie-weiss: inverse temperature (ordered, two classes, above 1)"),
                ParamSpec.real("step", 0.01, Double.MIN_VALUE, 1.0,
                        "largest Euler–Maruyama step of the backward SDE (⌈t/step⌉ equal steps from t to 0)"),
                ParamSpec.integer("clones", 8, 2, 1024,
                        "backward trajectories started from the one noised sample"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("same", "fraction of the pairs of clones that end in the same class (sign"
                        + " of m·x_0): unbiased for the probability that two cloned trajectories agree"),
                ObservableSpec.value("same_exact", "P₊² + P₋² for the noised sample, P₊ the exact posterior"
                        + " probability that the backward process ends in class +: what `same` estimates,"
                        + " without the SDE"));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    @Override
    public double cost(Task task) {
        double t = -0.5 * Math.log(task.params().real("abar"));
        double perScore = task.params().word("data").equals("gaussians") ? 1 : 300;
        return perScore * task.size() * task.params().integer("clones") * (1 + t / task.params().real("step"));
    }

    static DataLaw data(Task task) {
        return task.params().word("data").equals("gaussians")
                ? new GaussianMixture(task.size(), task.params().real("sigma"))
                : new CurieWeiss(task.size(), task.params().real("beta"));
    }

    @Override
    public Measurement run(Task task, RandomStreams streams, Deadline deadline) {
        double abar = task.params().real("abar");
        DataLaw data = data(task);
        double[] noised = noisedSample(data, abar, streams.disorder());
        BackwardSde sde = new BackwardSde(data, task.params().real("step"));
        int clones = task.params().integer("clones");
        int plus = 0;
        for (int c = 0; c < clones; c++) {
            deadline.check();
            if (sde.endsPlus(noised, abar, streams.dynamics())) {
                plus++;
            }
        }
        int minus = clones - plus;
        double same = ((double) plus * (plus - 1) + (double) minus * (minus - 1)) / ((double) clones * (clones - 1));
        double p = data.plusProbability(noised, abar);
        return Measurement.of(Map.of("same", same, "same_exact", p * p + (1 - p) * (1 - p)));
    }

    /**
     * x_t = √ᾱ x_0 + √(1 − ᾱ) z: x_0, then z, all from {@code disorder}, the same draws at every ᾱ.
     */
    static double[] noisedSample(DataLaw data, double abar, RandomGenerator disorder) {
        int d = data.dimension();
        double[] x = data.sample(disorder);
        for (int i = 0; i < d; i++) {
            x[i] *= Math.sqrt(abar);
        }
        for (int i = 0; i < d; i++) {
            x[i] += Math.sqrt(1 - abar) * disorder.nextGaussian();
        }
        return x;
    }
}
