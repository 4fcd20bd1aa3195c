package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.LongSupplier;

/**
 * Cost of the ising kernels on an L×L lattice at T = 2.269 (critical), h = 0, without the Monte
 * Carlo loop's measurements: ns per attempted spin flip for {@code metropolis},
 * {@code metropolis-checkerboard} and {@code metropolis-msc} (64 replicas per attempt counted as 64; its per-replica counts after
 * each sweep included), ns per spin added to a cluster for {@code wolff}. One line per kernel,
 * {@code <algorithm> <ns>}, in the format of the C references in {@code bench/c}, which
 * {@code bench/kernels.sh} runs beside it. Times are CPU time of the benchmark's thread, so that
 * time spent waiting for a core on the shared machine does not count (the C references measure
 * the same way). With a third argument {@code plain} it measures the plain-Java reference loops of
 * the same algorithms instead ({@link PlainIsingLoops}: {@code metropolis},
 * {@code metropolis-checkerboard} and {@code wolff}, the same lines), the other baseline of
 * {@code bench/kernels.sh}; in a JVM of their own, so that neither side's profile shapes the
 * other's compiled code. Not a test; run with
 * <pre>
 * mvn -q -pl engine test-compile
 * java -cp engine/target/classes:engine/target/test-classes io.phasesweep.engine.models.ising.IsingBenchmark 64 3 [plain]
 * </pre>
 */
public final class IsingBenchmark {
    private static final double TEMPERATURE = 2.269;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private IsingBenchmark() {
    }

    public static void main(String[] args) {
        int length = args.length > 0 ? Integer.parseInt(args[0]) : 64;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        boolean plain = args.length > 2 && args[2].equals("plain");
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT; the second prints
            String lines = plain ? plainLoops(length, seconds) : chains(length, seconds);
            if (round == 1) {
                System.out.print(lines);
            }
        }
    }

    private static String chains(int length, double seconds) {
        HypercubicLattice lattice = new HypercubicLattice(length, 2);
        int sites = lattice.sites();
        MetropolisChain metropolis = new MetropolisChain(lattice, 1, 0, TEMPERATURE, Seeds.generator(1));
        double m = nanosPer(() -> {
            metropolis.update();
            return sites;
        }, seconds);
        CheckerboardMetropolisChain checkerboard = new CheckerboardMetropolisChain(lattice, 1, 0, TEMPERATURE, Seeds.generator(4));
        double cb = nanosPer(() -> {
            checkerboard.update();
            return sites;
        }, seconds);
        WolffChain wolff = new WolffChain(lattice, 1, 0, TEMPERATURE, Seeds.generator(2));
        double w = nanosPer(() -> {
            wolff.update();
            return wolff.lastClusterSize();
        }, seconds);
        MultiSpinChain multiSpin = new MultiSpinChain(lattice, 1, TEMPERATURE, Seeds.generator(3));
        double msc = nanosPer(() -> {
            multiSpin.update();
            return (long) MultiSpinChain.LANES * sites;
        }, seconds);
        return String.format("%s %.4f%n%s %.4f%n%s %.4f%n%s %.4f%n", IsingModel.METROPOLIS, m,
                IsingModel.METROPOLIS_CHECKERBOARD, cb, IsingModel.WOLFF, w, IsingModel.METROPOLIS_MSC, msc);
    }

    private static String plainLoops(int length, double seconds) {
        int sites = length * length;
        PlainIsingLoops.Metropolis metropolis = new PlainIsingLoops.Metropolis(length, TEMPERATURE, Seeds.generator(1));
        double m = nanosPer(() -> {
            metropolis.update();
            return sites;
        }, seconds);
        PlainIsingLoops.Checkerboard checkerboard = new PlainIsingLoops.Checkerboard(length, TEMPERATURE, Seeds.generator(4));
        double cb = nanosPer(() -> {
            checkerboard.update();
            return sites;
        }, seconds);
        PlainIsingLoops.Wolff wolff = new PlainIsingLoops.Wolff(length, TEMPERATURE, Seeds.generator(2));
        double w = nanosPer(() -> {
            wolff.update();
            return wolff.lastClusterSize;
        }, seconds);
        return String.format("%s %.4f%n%s %.4f%n%s %.4f%n", IsingModel.METROPOLIS, m,
                IsingModel.METROPOLIS_CHECKERBOARD, cb, IsingModel.WOLFF, w);
    }

    /** Runs {@code step}, which returns the units of work it did, for about {@code seconds} of CPU: ns per unit. */
    private static double nanosPer(LongSupplier step, double seconds) {
        long units = 0;
        long start = THREADS.getCurrentThreadCpuTime();
        long end = start + (long) (seconds * 1e9);
        long now = start;
        while (now < end) {
            units += step.getAsLong();
            now = THREADS.getCurrentThreadCpuTime();
        }
        return (double) (now - start) / units;
    }
}
