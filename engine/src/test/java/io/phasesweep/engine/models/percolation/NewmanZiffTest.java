package io.phasesweep.engine.models.percolation;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewmanZiffTest {
    private static final double[] PS = {0.2, 0.5, 0.5927, 0.8};

    /**
     * Averaging the canonical curves over ALL N! orders gives the exact fixed-n averages, so after
     * the binomial convolution every observable must equal the exact sum over the 2^N
     * configurations, which an independent breadth-first search computes. Only rounding separates
     * them (tolerance 1e-10).
     */
    @Test
    void allOrdersOfSmallLatticesReproduceExactEnumeration() {
        for (Lattice lattice : List.of(new Lattice(3, 2), new Lattice(2, 3), new Lattice(2, 2))) {
            int sites = lattice.sites();
            double[] spanN = new double[sites + 1];
            double[] wrapN = new double[sites + 1];
            double[] largestN = new double[sites + 1];
            double[] meanSizeN = new double[sites + 1];
            double[] chiN = new double[sites + 1];
            long[] orders = {0};
            permutations(sites, order -> {
                CanonicalCurves c = NewmanZiff.run(lattice, order);
                for (int n = 0; n <= sites; n++) {
                    spanN[n] += n >= c.firstSpan() ? 1 : 0;
                    wrapN[n] += n >= c.firstWrap() ? 1 : 0;
                    largestN[n] += c.largest()[n];
                    meanSizeN[n] += c.meanSize()[n];
                    chiN[n] += c.chi()[n];
                }
                orders[0]++;
            });
            for (double[] q : List.of(spanN, wrapN, largestN, meanSizeN, chiN)) {
                for (int n = 0; n <= sites; n++) {
                    q[n] /= orders[0];
                }
            }
            for (double p : PS) {
                double[] exact = exactAverages(lattice, p);
                BinomialConvolution at = new BinomialConvolution(sites, p);
                String where = lattice + " p=" + p;
                assertEquals(exact[0], at.average(spanN), 1e-10, "spans " + where);
                assertEquals(exact[1], at.average(wrapN), 1e-10, "wraps " + where);
                assertEquals(exact[2], at.average(largestN), 1e-10, "pmax " + where);
                assertEquals(exact[3], at.average(meanSizeN), 1e-10, "mean_size " + where);
                assertEquals(exact[4], at.average(chiN), 1e-10, "chi " + where);
            }
        }
    }

    @Test
    void emptyAndFullLattice() {
        PercolationModel model = new PercolationModel();
        List<Task> ladder = List.of(task(0.0, 16), task(1.0, 16));
        List<Measurement> m = model.runAxis(ladder, streams(7), Deadline.none());
        assertEquals(Map.of("spans", 0.0, "wraps", 0.0, "pmax", 0.0, "mean_size", 0.0, "chi", 0.0), m.get(0).values());
        assertEquals(Map.of("spans", 1.0, "wraps", 1.0, "pmax", 1.0, "mean_size", 0.0, "chi", 0.0), m.get(1).values());
    }

    /** Union–find against breadth-first search on one random half-filled 12×12 lattice. */
    @Test
    void clusterForestAgreesWithBreadthFirstSearch() {
        Lattice lattice = new Lattice(12, 2);
        int sites = lattice.sites();
        int[] order = PercolationModel.randomOrder(sites, Seeds.generator(11));
        boolean[] occupied = new boolean[sites];
        ClusterForest forest = new ClusterForest(sites, 2);
        for (int k = 0; k < sites / 2; k++) {
            int s = order[k];
            occupied[s] = true;
            forest.add(s);
            for (int axis = 0; axis < 2; axis++) {
                for (int step = -1; step <= 1; step += 2) {
                    int nb = lattice.neighbour(s, axis, step);
                    if (occupied[nb]) {
                        forest.union(s, nb, axis, step);
                    }
                }
            }
        }
        int[] label = bfsLabels(lattice, occupied, true);
        int total = 0;
        for (int i = 0; i < sites; i++) {
            if (!occupied[i]) {
                continue;
            }
            if (forest.find(i) == i) {
                total += forest.sizeOfRoot(i);
            }
            int count = 0;
            for (int j = 0; j < sites; j++) {
                if (occupied[j]) {
                    assertEquals(label[i] == label[j], forest.find(i) == forest.find(j), "sites " + i + ", " + j);
                    count += label[i] == label[j] ? 1 : 0;
                }
            }
            assertEquals(count, forest.sizeOfRoot(forest.find(i)), "cluster size at " + i);
        }
        assertEquals(sites / 2, total, "root sizes add up to the occupied sites");
    }

    private static Task task(double p, int size) {
        return new Task(new ParamValues(Map.of("p", p, "dim", 2.0)), size, new Budget(Map.of()));
    }

    private static RandomStreams streams(long seed) {
        return new RandomStreams(Seeds.generator(seed), Seeds.generator(seed + 1));
    }

    /** {spans, wraps, pmax, mean_size, chi} averaged exactly over all 2^N configurations at p. */
    private static double[] exactAverages(Lattice lattice, double p) {
        int sites = lattice.sites();
        double[] sum = new double[5];
        for (int mask = 0; mask < 1 << sites; mask++) {
            boolean[] occupied = new boolean[sites];
            int n = 0;
            for (int i = 0; i < sites; i++) {
                occupied[i] = (mask >> i & 1) == 1;
                n += occupied[i] ? 1 : 0;
            }
            double weight = Math.pow(p, n) * Math.pow(1 - p, sites - n);
            int[] open = bfsLabels(lattice, occupied, false);
            boolean spans = false;
            for (int i = 0; i < sites; i++) {
                for (int j = 0; j < sites; j++) {
                    spans |= occupied[i] && occupied[j] && open[i] == open[j]
                            && lattice.coordinate(i, 0) == 0 && lattice.coordinate(j, 0) == lattice.length() - 1;
                }
            }
            int[] periodic = bfsLabels(lattice, occupied, true);
            long[] sizes = new long[sites];
            for (int i = 0; i < sites; i++) {
                if (occupied[i]) {
                    sizes[periodic[i]]++;
                }
            }
            long max = 0;
            long squares = 0;
            for (long s : sizes) {
                max = Math.max(max, s);
                squares += s * s;
            }
            sum[0] += weight * (spans ? 1 : 0);
            sum[1] += weight * (wraps(lattice, occupied) ? 1 : 0);
            sum[2] += weight * max / sites;
            sum[3] += weight * (n > max ? (double) (squares - max * max) / (n - max) : 0);
            sum[4] += weight * (double) (squares - max * max) / sites;
        }
        return sum;
    }

    /** Cluster labels by breadth-first search, with or without bonds across the boundary. */
    private static int[] bfsLabels(Lattice lattice, boolean[] occupied, boolean periodic) {
        int sites = lattice.sites();
        int[] label = new int[sites];
        java.util.Arrays.fill(label, -1);
        for (int start = 0; start < sites; start++) {
            if (!occupied[start] || label[start] >= 0) {
                continue;
            }
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            label[start] = start;
            while (!queue.isEmpty()) {
                int s = queue.poll();
                for (int axis = 0; axis < lattice.dim(); axis++) {
                    for (int step = -1; step <= 1; step += 2) {
                        int nb = lattice.neighbour(s, axis, step);
                        boolean bond = periodic || !lattice.crossesBoundary(s, axis, step);
                        if (bond && occupied[nb] && label[nb] < 0) {
                            label[nb] = start;
                            queue.add(nb);
                        }
                    }
                }
            }
        }
        return label;
    }

    /**
     * A cluster wraps when a search in unwrapped coordinates reaches one site at two different
     * unwrapped positions.
     */
    private static boolean wraps(Lattice lattice, boolean[] occupied) {
        int sites = lattice.sites();
        int dim = lattice.dim();
        int[][] position = new int[sites][];
        for (int start = 0; start < sites; start++) {
            if (!occupied[start] || position[start] != null) {
                continue;
            }
            position[start] = new int[dim];
            ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(start));
            while (!queue.isEmpty()) {
                int s = queue.poll();
                for (int axis = 0; axis < dim; axis++) {
                    for (int step = -1; step <= 1; step += 2) {
                        int nb = lattice.neighbour(s, axis, step);
                        if (!occupied[nb]) {
                            continue;
                        }
                        int[] there = position[s].clone();
                        there[axis] += step;
                        if (position[nb] == null) {
                            position[nb] = there;
                            queue.add(nb);
                        } else if (!java.util.Arrays.equals(position[nb], there)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** Calls {@code visit} with every permutation of 0..n−1 (Heap's algorithm). */
    private static void permutations(int n, java.util.function.Consumer<int[]> visit) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        int[] c = new int[n];
        visit.accept(a);
        int i = 0;
        while (i < n) {
            if (c[i] < i) {
                int j = i % 2 == 0 ? 0 : c[i];
                int t = a[j];
                a[j] = a[i];
                a[i] = t;
                visit.accept(a);
                c[i]++;
                i = 0;
            } else {
                c[i] = 0;
                i++;
            }
        }
    }
}
