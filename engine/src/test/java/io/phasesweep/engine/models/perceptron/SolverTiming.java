package io.phasesweep.engine.models.perceptron;

import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.sweep.Seeds;

/** Not a test: prints solve times (run with java -cp). */
public final class SolverTiming {
    public static void main(String[] args) {
        double alpha = Double.parseDouble(args[0]);
        for (String s : args[1].split(",")) {
            int n = Integer.parseInt(s);
            for (int r = 0; r < Integer.parseInt(args[2]); r++) {
                double[][] a = PerceptronModel.patterns((int) Math.round(alpha * n), n, false, Seeds.generator(1000L * n + r));
                long t0 = System.nanoTime();
                MaxMargin m = MaxMarginSolver.solve(a, Deadline.none());
                System.out.printf("N=%d r=%d sep=%b kappa=%.6f upper=%.3g ms=%.1f%n", n, r, m.separable(),
                        Math.sqrt(n) * m.margin(), Math.sqrt(n) * m.upperBound(), (System.nanoTime() - t0) / 1e6);
            }
        }
    }
}
