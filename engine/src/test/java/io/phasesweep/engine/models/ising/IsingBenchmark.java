package io.phasesweep.engine.models.ising;

import io.phasesweep.engine.sweep.Seeds;

/**
 * Throughput of the ising updates on a 64×64 lattice at T = 2.269 (critical), h = 0, without
 * measurements: Metropolis spin-flip attempts per second and Wolff cluster flips per second (with
 * the mean cluster size, so the spins flipped per second follow), and the multi-spin coded
 * checkerboard Metropolis of 64 replicas against the scalar Metropolis in the same run. Not a test; run with
 * <pre>
 * mvn -q -pl engine test-compile
 * java -cp engine/target/classes:engine/target/test-classes io.phasesweep.engine.models.ising.IsingBenchmark
 * </pre>
 */
public final class IsingBenchmark {
    private static final double TEMPERATURE = 2.269;
    private static final double SECONDS = 3;

    private IsingBenchmark() {
    }

    public static void main(String[] args) {
        HypercubicLattice lattice = new HypercubicLattice(64, 2);
        for (int round = 0; round < 2; round++) { // the first round warms up the JIT
            MetropolisChain metropolis = new MetropolisChain(lattice, 1, 0, TEMPERATURE, Seeds.generator(1));
            long sweeps = 0;
            double elapsed = 0;
            long start = System.nanoTime();
            while (elapsed < SECONDS) {
                metropolis.update();
                sweeps++;
                elapsed = (System.nanoTime() - start) * 1e-9;
            }
            System.out.printf("metropolis L=64 2D: %.3g spin-flip attempts/s (%.0f sweeps/s)%n",
                    sweeps * lattice.sites() / elapsed, sweeps / elapsed);
            double scalarElapsed = elapsed;

            WolffChain wolff = new WolffChain(lattice, 1, 0, TEMPERATURE, Seeds.generator(2));
            long clusters = 0;
            long spinsFlipped = 0;
            elapsed = 0;
            start = System.nanoTime();
            while (elapsed < SECONDS) {
                wolff.update();
                clusters++;
                spinsFlipped += wolff.lastClusterSize();
                elapsed = (System.nanoTime() - start) * 1e-9;
            }
            System.out.printf("wolff      L=64 2D: %.3g cluster flips/s, mean cluster %.0f spins, %.3g spins flipped/s%n",
                    clusters / elapsed, (double) spinsFlipped / clusters, spinsFlipped / elapsed);

            MultiSpinChain multiSpin = new MultiSpinChain(lattice, 1, TEMPERATURE, Seeds.generator(3));
            long batchSweeps = 0;
            elapsed = 0;
            start = System.nanoTime();
            while (elapsed < SECONDS) {
                multiSpin.update();
                batchSweeps++;
                elapsed = (System.nanoTime() - start) * 1e-9;
            }
            double msc = batchSweeps * MultiSpinChain.LANES * lattice.sites() / elapsed;
            System.out.printf("metropolis-msc L=64 2D: %.3g spin-flip attempts/s (%.2f per ns; %.1fx the scalar"
                    + " metropolis above, same run; per-replica counts for measurement included)%n",
                    msc, msc * 1e-9, msc / (sweeps * lattice.sites() / scalarElapsed));
        }
    }
}
