package io.phasesweep.engine.models.spiked;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.AxisModel;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rank-one spiked Wigner matrix Y = (λ/N)·v vᵀ + W/√N (W from the GOE). BBP transition at λ = 1:
 * above it the top eigenvalue leaves the bulk edge 2 for λ + 1/λ and the top eigenvector u has
 * overlap (v·u)²/N → 1 − 1/λ²; below, top → 2 and the overlap → 0. In the critical window
 * λ − 1 ∼ N^(−1/3) (so ν = 3 in terms of N), N^(1/3)·overlap2 and N^(2/3)·(top − 2) are functions of
 * (λ − 1)·N^(1/3) alone.
 *
 * <p>An axis model over λ: one run takes one sample (v, W) from the disorder stream, finds the
 * spectral measure of the spike with respect to W/√N once, and gets the exact top eigenpair for
 * every λ of the sweep from the secular equation, so a sample is followed across λ at the cost of
 * one diagonalisation. The {@code matrix} sampler draws W and v explicitly (O(N³), dsytrd); the
 * {@code tridiagonal} sampler draws the same spectral measure in the Dumitriu–Edelman form (O(N²)),
 * exact in distribution because the GOE is rotation invariant, which also makes the prior
 * irrelevant there. The dynamics stream is not used.
 */
public final class SpikedWignerModel implements AxisModel {

    @Override
    public String id() {
        return "spiked";
    }

    @Override
    public String summary() {
        return "rank-one spiked Wigner matrix (λ/N)vvᵀ + W/√N, BBP transition of the top eigenpair at λ = 1";
    }

    @Override
    public String sizeMeaning() {
        return "N (matrix dimension)";
    }

    @Override
    public String wholeAxis() {
        return "lambda";
    }

    @Override
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("lambda", null, 0.0, null,
                        "signal strength λ (the control); all λ of the sweep come from one diagonalisation per sample"),
                ParamSpec.word("prior", "rademacher", List.of("rademacher", "gaussian"),
                        "spike entries: ±1, or Gaussian rescaled so that |v|² = N exactly (matrix sampler only)"),
                ParamSpec.word("sampler", "matrix", List.of("matrix", "tridiagonal"),
                        "matrix: explicit W and v, O(N³) per sample; tridiagonal: the same law of the top"
                                + " eigenpair from the Dumitriu–Edelman GOE tridiagonal, O(N²), any prior"));
    }

    @Override
    public List<ObservableSpec> observables() {
        return List.of(
                ObservableSpec.value("top", "largest eigenvalue of Y"),
                ObservableSpec.value("overlap2", "(v·u)²/N for the unit eigenvector u of the largest eigenvalue"));
    }

    @Override
    public List<DerivedObservable> derived() {
        return List.of(
                new DerivedObservable("overlap2_scaled", "N^(1/3)·[overlap2]: a function of (λ−1)·N^(1/3) alone",
                        List.of("overlap2"), (means, params, size) -> Math.cbrt(size) * means[0]),
                new DerivedObservable("overlap2_reduced", "N^(1/3)·[overlap2]·2λ²/(λ+1): as overlap2_scaled, but its"
                        + " N → ∞ limit above λ = 1 is exactly 2(λ−1)·N^(1/3), without the (λ−1)² term of 1 − 1/λ²",
                        List.of("overlap2"),
                        (means, params, size) -> {
                            double lambda = params.real("lambda");
                            return Math.cbrt(size) * means[0] * 2 * lambda * lambda / (lambda + 1);
                        }),
                new DerivedObservable("top_scaled", "N^(2/3)·([top] − 2): a function of (λ−1)·N^(1/3) alone",
                        List.of("top"), (means, params, size) -> Math.pow(size, 2.0 / 3.0) * (means[0] - 2.0)));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    @Override
    public double cost(Task task) {
        double n = task.size();
        return isMatrix(task) ? n * n * n : 50 * n * n;
    }

    @Override
    public List<Measurement> runAxis(List<Task> ladder, RandomStreams streams, Deadline deadline) {
        Task first = ladder.get(0);
        SpectralMeasure measure = SpectralMeasure.of(spikeBasis(first, streams));
        List<Measurement> out = new ArrayList<>(ladder.size());
        for (Task task : ladder) {
            deadline.check();
            SpectralMeasure.Outlier outlier = measure.outlier(task.params().real("lambda"));
            out.add(Measurement.of(Map.of("top", outlier.top(), "overlap2", outlier.overlap2())));
        }
        return out;
    }

    /** W/√N as a tridiagonal matrix whose first basis vector is the unit spike. */
    private static Tridiagonal spikeBasis(Task task, RandomStreams streams) {
        int n = task.size();
        if (!isMatrix(task)) {
            return Tridiagonal.goe(n, streams.disorder());
        }
        SpikedWigner.Prior prior = SpikedWigner.Prior.valueOf(task.params().word("prior").toUpperCase(Locale.ROOT));
        SpikedWigner sample = SpikedWigner.draw(n, prior, streams.disorder());
        double[] u = sample.spike();
        for (int i = 0; i < n; i++) {
            u[i] /= Math.sqrt(n);
        }
        return Tridiagonal.reduce(sample.matrix(0.0), u, n);
    }

    private static boolean isMatrix(Task task) {
        return task.params().word("sampler").equals("matrix");
    }
}
