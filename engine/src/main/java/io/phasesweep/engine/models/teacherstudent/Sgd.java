package io.phasesweep.engine.models.teacherstudent;

import io.phasesweep.engine.model.Shuffle;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * SGD on the hinge loss L(w) = (1/P) Σ_μ max(0, κ − y_μ f(x_μ)), f(x) = w·x/√d, margin κ = 1 unless
 * given. Each epoch visits the samples in a fresh random order in batches of B (the last one smaller
 * when B does not divide P); a step is w ← w + (η/B) Σ_{μ in batch, y_μ f(x_μ) &lt; κ} y_μ x_μ/√d, so
 * T = η/B is the noise temperature and B = P is gradient descent. For κ = 0 the active samples are
 * those with y f ≤ 0 (the limit κ → 0⁺).
 *
 * <p>Training stops after the first epoch without an update: w did not move during it, so every
 * margin is ≥ κ and the training loss is exactly zero; it became zero at the last updating step,
 * which is the reported {@code steps}. Otherwise it stops once {@code maxSteps} steps were taken.
 */
final class Sgd {

    record Result(double[] w, long steps, boolean converged) {
    }

    private Sgd() {
    }

    static Result train(TrainingSet data, double[] w0, int batch, double eta, long maxSteps, RandomGenerator dynamics,
                        Runnable checkpoint) {
        return train(data, w0, batch, eta, 1.0, maxSteps, dynamics, checkpoint);
    }

    /**
     * As above with the hinge margin κ ≥ 0: a sample is active when y f(x) &lt; κ, or, for κ = 0, when
     * y f(x) ≤ 0 (the limit κ → 0⁺, the perceptron loss max(0, −y f)). Margin κ at learning rate η is
     * margin 1 at η/κ with w scaled by 1/κ, so κ = 0 is the limit η → ∞ of margin 1, where w ∝ η.
     */
    static Result train(TrainingSet data, double[] w0, int batch, double eta, double margin, long maxSteps,
                        RandomGenerator dynamics, Runnable checkpoint) {
        if (!(margin >= 0)) {
            throw new IllegalArgumentException("margin must be >= 0, got " + margin);
        }
        int p = data.p();
        int d = data.d();
        double[] x = data.inputs();
        double[] y = data.labels();
        double[] w = w0.clone();
        double[] step = new double[d];
        int[] order = new int[p];
        for (int mu = 0; mu < p; mu++) {
            order[mu] = mu;
        }
        int b = Math.min(batch, p);
        double invSqrtD = 1.0 / Math.sqrt(d);
        double rate = eta / b * invSqrtD;
        long steps = 0;
        long lastUpdate = 0;
        boolean updatedThisEpoch = true;
        while (updatedThisEpoch && steps < maxSteps) {
            checkpoint.run();
            updatedThisEpoch = false;
            Shuffle.inPlace(order, dynamics);
            for (int start = 0; start < p && steps < maxSteps; start += b) {
                int end = Math.min(p, start + b);
                Arrays.fill(step, 0.0);
                boolean active = false;
                for (int k = start; k < end; k++) {
                    int row = order[k] * d;
                    double dot = 0;
                    for (int i = 0; i < d; i++) {
                        dot += w[i] * x[row + i];
                    }
                    double label = y[order[k]];
                    if (isActive(label * dot * invSqrtD, margin)) {
                        active = true;
                        for (int i = 0; i < d; i++) {
                            step[i] += label * x[row + i];
                        }
                    }
                }
                steps++;
                if (active) {
                    for (int i = 0; i < d; i++) {
                        w[i] += rate * step[i];
                    }
                    lastUpdate = steps;
                    updatedThisEpoch = true;
                }
            }
        }
        boolean converged = !updatedThisEpoch || fitsAll(data, w, margin);
        return new Result(w, converged ? lastUpdate : steps, converged);
    }

    /** True when a sample with y f(x) = {@code yf} still contributes to the loss of margin κ. */
    static boolean isActive(double yf, double margin) {
        return margin > 0 ? yf < margin : yf <= 0;
    }

    /** True when every training margin y f(x) is at least 1 (zero hinge loss). */
    static boolean fitsAll(TrainingSet data, double[] w) {
        return fitsAll(data, w, 1.0);
    }

    /** True when no training sample is active for the margin κ (zero training loss). */
    static boolean fitsAll(TrainingSet data, double[] w, double margin) {
        int d = data.d();
        double invSqrtD = 1.0 / Math.sqrt(d);
        for (int mu = 0; mu < data.p(); mu++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += w[i] * data.inputs()[mu * d + i];
            }
            if (isActive(data.labels()[mu] * dot * invSqrtD, margin)) {
                return false;
            }
        }
        return true;
    }
}
