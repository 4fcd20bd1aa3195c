package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.Task;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The exact energy of the L×L torus ({@link KaufmanTorus}) against enumeration and an independent
 * 40-digit evaluation, and every 2D algorithm's chains against it at L = 12 and 16, at T_c and on
 * either side: a chain that samples the wrong distribution, or effectively another temperature,
 * fails.
 */
class KaufmanTorusTest {
    /** Enumeration of the 2^16 states of 4×4 (same sums, another method): e to 1e-10, e² to 1e-8. */
    @ParameterizedTest(name = "T={0}")
    @CsvSource({"1.5", "2.2", "2.269185314", "2.4", "3.5"})
    void matchesEnumerationOf4x4(double temperature) {
        double[] exact = ExactIsing.enumerate(new HypercubicLattice(4, 2), 1.0, 0, temperature);
        KaufmanTorus torus = new KaufmanTorus(4, temperature);
        assertEquals(exact[0], torus.energy(), 1e-10, "e");
        assertEquals(exact[1], torus.energySquared(), 1e-8, "e2");
    }

    /**
     * Against /work/s9/kaufman.py (mpmath at 40 digits, the same formula, its derivatives by
     * mpmath.diff): {@code lnZ(1/T, L)}, {@code energy(T, L)} and {@code diff(lambda t: energy(t, L), T)}.
     * ln Z to 1e-12 relative, e to 1e-12 (double rounding reaches 2e-15), c to 1e-7 (the central
     * difference's truncation, 2e-9 at L = 32). T = 1.5 and 3.5 hold Z4 at either sign, far from
     * the zero of γ_0 at T_c.
     */
    @ParameterizedTest(name = "L={0} T={1}")
    @CsvSource({
            "16, 2.269185314, 238.64225665052185206, -1.4530648531327341, 1.4987049589480023",
            "16, 2.4, 230.31095647552417244, -1.255043197971208, 1.4081700787815974",
            "32, 2.269185314, 952.64807960927655588, -1.4336584665396503, 1.8467675890965155",
            "32, 2.2, 973.84081866790956523, -1.5465862811081836, 1.4010736005164719",
            "32, 1.5, 1371.7903617635538374, -1.9511165730783768, 0.19727454017699158",
            "32, 3.5, 799.55380441857018712, -0.66012173105803885, 0.24775204599291284",
    })
    void matchesFortyDigitReference(int size, double temperature, double logZ, double energy, double specificHeat) {
        KaufmanTorus torus = new KaufmanTorus(size, temperature);
        assertEquals(logZ, torus.logZ(), 1e-12 * logZ, "ln Z");
        assertEquals(energy, torus.energy(), 1e-12, "e");
        assertEquals(specificHeat, torus.specificHeat(), 1e-7, "c");
    }

    /**
     * Each algorithm at L = 16 and 12 (a power of two and not), T = 2.2, T_c, 2.4: each run's mean e
     * and specific heat N(e2 − e²)/T² against the exact values, and the temperature the six runs
     * together say the chain samples, T + δT with δT = Σ w (e − e_exact)/c / Σ w, w = (c/σ_e)²
     * (a chain at another temperature shifts e by c δT; c = 1.2-1.5 here), against δT = 0.
     * Errors come from the scatter of independent replicas (32 seeds, the 64 lanes of one batch
     * for {@code metropolis-msc}; a jackknife over them for c), not from one chain's binning, which
     * on these short runs gives 0.6 of the scatter for {@code metropolis} at L = 16. Every check
     * allows 4σ: with 31 degrees of freedom |t| > 4 has probability 4e-4, so the 52 checks fail by
     * chance about once in 50 seed choices. Thermalization from the ordered start: 1000 sweeps or
     * 200 cluster flips, several relaxation times at these sizes. The budgets, about 18 s in all on
     * two busy cores, reach σ_e per point of 3-5e-4 (msc), 0.6-1.2e-3 (wolff), 1.0-1.6e-3
     * (checkerboard), 2.8-4.4e-3 (metropolis), and σ(δT) of 1.2e-4, 2.3e-4, 3.9e-4 and 1.1e-3:
     * a chain 1e-3 off in T fails for msc (8-9σ); for wolff it is 4.3σ off on average (with
     * these seeds, against the exact values at T − 1e-3: 5.1σ, which fails; at T + 1e-3: 3.6σ).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"wolff, 200, 7000, 16000", "metropolis, 1000, 3000, 3000", "metropolis-checkerboard, 1000, 6000, 6000",
            "metropolis-msc, 1000, 30000, 40000"})
    void chainsSampleTheExactEnergy(String algorithm, long thermalize, long measure16, long measure12) {
        int replicas = algorithm.equals(IsingModel.METROPOLIS_MSC) ? MultiSpinChain.LANES : 32;
        List<Executable> checks = new ArrayList<>();
        double weights = 0;
        double weightedShift = 0;
        for (int size : new int[] {16, 12}) {
            for (double temperature : new double[] {2.2, 2.269185314, 2.4}) {
                Task task = IsingRuns.task(2, size, temperature, 0, algorithm, thermalize, size == 16 ? measure16 : measure12);
                List<Measurement> runs = IsingRuns.replicas(task, replicas);
                double[] e = runs.stream().mapToDouble(m -> m.values().get("e")).toArray();
                double[] e2 = runs.stream().mapToDouble(m -> m.values().get("e2")).toArray();
                KaufmanTorus torus = new KaufmanTorus(size, temperature);
                String point = "L=" + size + " T=" + temperature + ": ";

                double energy = mean(e, -1);
                double energyError = jackknifeError(replicas, drop -> mean(e, drop));
                double binningError = Math.sqrt(runs.stream().mapToDouble(m -> Math.pow(m.errors().get("e"), 2)).sum()) / replicas;
                checks.add(() -> assertEquals(torus.energy(), energy, 4 * energyError, String.format(
                        "%se = %.6f ± %.6f (binning %.6f), exact %.6f", point, energy, energyError, binningError, torus.energy())));

                double scale = size * size / (temperature * temperature);
                Jackknifed heat = drop -> scale * (mean(e2, drop) - Math.pow(mean(e, drop), 2));
                double heatError = jackknifeError(replicas, heat);
                checks.add(() -> assertEquals(torus.specificHeat(), heat.value(-1), 4 * heatError, String.format(
                        "%sc = %.5f ± %.5f, exact %.5f", point, heat.value(-1), heatError, torus.specificHeat())));

                double weight = Math.pow(torus.specificHeat() / energyError, 2);
                weights += weight;
                weightedShift += weight * (energy - torus.energy()) / torus.specificHeat();
            }
        }
        double shift = weightedShift / weights;
        double shiftError = 1 / Math.sqrt(weights);
        checks.add(() -> assertEquals(0, shift, 4 * shiftError, String.format("effective δT = %.6f ± %.6f", shift, shiftError)));
        assertAll(algorithm, checks);
    }

    /** A statistic of the replicas' means with replica {@code drop} left out (none for −1). */
    private interface Jackknifed {
        double value(int drop);
    }

    private static double mean(double[] values, int drop) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += i == drop ? 0 : values[i];
        }
        return sum / (drop < 0 ? values.length : values.length - 1);
    }

    /** √((n−1)/n Σ (θ_(i) − θ_(·))²); for the mean it is the standard error s/√n. */
    private static double jackknifeError(int n, Jackknifed statistic) {
        double[] leftOut = new double[n];
        for (int i = 0; i < n; i++) {
            leftOut[i] = statistic.value(i);
        }
        double average = mean(leftOut, -1);
        double sum = 0;
        for (double v : leftOut) {
            sum += (v - average) * (v - average);
        }
        return Math.sqrt((n - 1.0) / n * sum);
    }
}
