package io.phasesweep.engine.stats;

import java.util.function.UnaryOperator;

/**
 * Delete-one jackknife over rows (replicas) for statistics that are functions of the column means,
 * such as a Binder cumulant 1 − ⟨m⁴⟩/(3⟨m²⟩²): the value is the statistic of the full means (a ratio
 * of averages, not an average of ratios), the error is
 * sqrt((n−1)/n · Σᵢ (θ₋ᵢ − θ̄)²) over the n leave-one-out statistics θ₋ᵢ. For a plain mean this is
 * exactly the standard error s/√n.
 */
public final class Jackknife {
    private Jackknife() {
    }

    /**
     * @param rows      rows[replica][column], at least one row, all of equal length
     * @param statistic maps a vector of column means to the statistics wanted (same length every call)
     * @return one estimate per statistic; errors are NaN with a single row
     */
    public static Estimate[] deleteOne(double[][] rows, UnaryOperator<double[]> statistic) {
        int n = rows.length;
        int k = rows[0].length;
        double[] sum = new double[k];
        for (double[] row : rows) {
            for (int j = 0; j < k; j++) {
                sum[j] += row[j];
            }
        }
        double[] mean = new double[k];
        for (int j = 0; j < k; j++) {
            mean[j] = sum[j] / n;
        }
        double[] full = statistic.apply(mean);
        Estimate[] out = new Estimate[full.length];
        if (n < 2) {
            for (int s = 0; s < full.length; s++) {
                out[s] = new Estimate(full[s], Double.NaN);
            }
            return out;
        }
        double[][] theta = new double[n][];
        double[] leaveOut = new double[k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                leaveOut[j] = (sum[j] - rows[i][j]) / (n - 1);
            }
            theta[i] = statistic.apply(leaveOut);
        }
        for (int s = 0; s < full.length; s++) {
            Moments m = Moments.EMPTY;
            for (int i = 0; i < n; i++) {
                m = m.plus(theta[i][s]);
            }
            // m2 = Σ(θᵢ − θ̄)²
            out[s] = new Estimate(full[s], Math.sqrt((n - 1.0) / n * m.m2()));
        }
        return out;
    }
}
