package io.phasesweep.engine.models.spiked;

import io.phasesweep.engine.model.BudgetKey;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.DerivedObservable;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Model;
import io.phasesweep.engine.model.ObservableSpec;
import io.phasesweep.engine.model.ParamSpec;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.sweep.Point;

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
 * <p>One run is one exact eigenpair (no statistical error): v and W come from the disorder stream,
 * the same for every λ at fixed (N, replica), so a sample is followed across λ; the dynamics stream
 * is not used.
 */
public final class SpikedWignerModel implements Model {

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
    public List<ParamSpec> params() {
        return List.of(
                ParamSpec.real("lambda", null, 0.0, null, "signal strength λ (the control parameter)"),
                ParamSpec.word("prior", "rademacher", List.of("rademacher", "gaussian"),
                        "spike entries: ±1, or Gaussian rescaled so that |v|² = N exactly"));
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
                new DerivedObservable("top_scaled", "N^(2/3)·([top] − 2): a function of (λ−1)·N^(1/3) alone",
                        List.of("top"), (means, params, size) -> Math.pow(size, 2.0 / 3.0) * (means[0] - 2.0)));
    }

    @Override
    public List<BudgetKey> budget() {
        return List.of();
    }

    @Override
    public double cost(Point point) {
        return Math.pow(point.size(), 3);
    }

    @Override
    public Measurement run(Point point, RandomStreams streams, Deadline deadline) {
        int n = point.size();
        SpikedWigner.Prior prior = SpikedWigner.Prior.valueOf(point.params().word("prior").toUpperCase(Locale.ROOT));
        SpikedWigner sample = SpikedWigner.draw(n, prior, streams.disorder());
        deadline.check();
        TopEigenpair top = TopEigenpair.of(sample.matrix(point.params().real("lambda")), n);
        return Measurement.of(Map.of("top", top.value(), "overlap2", overlap2(sample.spike(), top.vector())));
    }

    /** (v·u)²/N for a unit vector u. */
    static double overlap2(double[] v, double[] u) {
        double dot = 0;
        for (int i = 0; i < v.length; i++) {
            dot += v[i] * u[i];
        }
        return dot * dot / v.length;
    }
}
