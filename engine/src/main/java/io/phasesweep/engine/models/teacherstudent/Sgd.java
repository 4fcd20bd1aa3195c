package io.phasesweep.engine.models.teacherstudent;

import io.phasesweep.engine.model.Shuffle;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * SGD on the hinge loss L(w) = (1/P) Σ_μ max(0, 1 − y_μ f(x_μ)), f(x) = w·x/√d. Each epoch visits the
 * samples in a fresh random order in batches of B (the last one smaller when B does not divide P);
 * a step is w ← w + (η/B) Σ_{μ in batch, y_μ f(x_μ) &lt; 1} y_μ x_μ/√d, so T = η/B is the noise
 * temperature and B = P is gradient descent.
 *
 * <p>Training stops after the first epoch without an update: w did not move during it, so every
 * margin is ≥ 1 and the training loss is exactly zero; it became zero at the last updating step,
 * which is the reported {@code steps}. Otherwise it stops once {@code maxSteps} steps were taken.
 */
final class Sgd {

    record Result(double[] w, long steps, boolean converged) {
    }

    private Sgd() {
    }

    static Result train(TrainingSet data, double[] w0, int batch, double eta, long maxSteps, RandomGenerator dynamics,
                        Runnable checkpoint) {
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
                    if (label * dot * invSqrtD < 1.0) {
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
        boolean converged = !updatedThisEpoch || fitsAll(data, w);
        return new Result(w, converged ? lastUpdate : steps, converged);
    }

    /** True when every training margin y f(x) is at least 1 (zero hinge loss). */
    static boolean fitsAll(TrainingSet data, double[] w) {
        int d = data.d();
        double invSqrtD = 1.0 / Math.sqrt(d);
        for (int mu = 0; mu < data.p(); mu++) {
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += w[i] * data.inputs()[mu * d + i];
            }
            if (data.labels()[mu] * dot * invSqrtD < 1.0) {
                return false;
            }
        }
        return true;
    }
}
