package io.phasesweep.engine.models.rhm;

import io.phasesweep.engine.model.Budget;
import io.phasesweep.engine.model.Deadline;
import io.phasesweep.engine.model.Measurement;
import io.phasesweep.engine.model.ParamValues;
import io.phasesweep.engine.model.RandomStreams;
import io.phasesweep.engine.model.Task;
import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class RhmModelTest {
    private final RhmModel model = new RhmModel();

    private static Task task(double eps, String noise, int depth) {
        return new Task(new ParamValues(Map.of("eps", eps, "v", 8.0, "s", 3.0, "m", 3.0, "noise", noise)), depth,
                new Budget(Map.of()));
    }

    /**
     * Every node's posterior marginal by summing over all derivations (root and one production per
     * internal node, all equally likely a priori) weighted by the leaves' likelihood.
     */
    private static double[][][] enumerate(Grammar g, double[] evidence) {
        int depth = g.depth();
        int v = g.symbols();
        int s = g.branching();
        int m = g.synonyms();
        int internal = 0;
        for (int level = 0, nodes = 1; level < depth; level++, nodes *= s) {
            internal += nodes;
        }
        double[][][] marginal = new double[depth + 1][][];
        for (int level = 0, nodes = 1; level <= depth; level++, nodes *= s) {
            marginal[level] = new double[nodes][v];
        }
        int[] choice = new int[internal];
        double total = 0;
        for (int root = 0; root < v; root++) {
            while (true) {
                int[][] symbols = new int[depth + 1][];
                symbols[0] = new int[] {root};
                int c = 0;
                for (int level = 0; level < depth; level++) {
                    symbols[level + 1] = new int[symbols[level].length * s];
                    for (int i = 0; i < symbols[level].length; i++, c++) {
                        for (int p = 0; p < s; p++) {
                            symbols[level + 1][i * s + p] = g.child(level, symbols[level][i], choice[c], p);
                        }
                    }
                }
                double w = 1;
                for (int i = 0; i < symbols[depth].length; i++) {
                    w *= evidence[i * v + symbols[depth][i]];
                }
                total += w;
                for (int level = 0; level <= depth; level++) {
                    for (int i = 0; i < symbols[level].length; i++) {
                        marginal[level][i][symbols[level][i]] += w;
                    }
                }
                int k = 0;
                while (k < internal && ++choice[k] == m) {
                    choice[k++] = 0;
                }
                if (k == internal) {
                    break;
                }
            }
        }
        for (double[][] level : marginal) {
            for (double[] node : level) {
                for (int a = 0; a < v; a++) {
                    node[a] /= total;
                }
            }
        }
        return marginal;
    }

    private static void assertMarginalsMatch(int v, int s, int m, int depth, long seed) {
        RandomGenerator rng = Seeds.generator(seed);
        Grammar g = Grammar.draw(v, s, m, depth, rng);
        int[][] datum = g.sample(rng);
        for (boolean mask : new boolean[] {true, false}) {
            for (double eps : new double[] {0.2, 0.6, 0.9}) {
                double[] evidence = RhmModel.noised(datum[depth], v, eps, mask, rng);
                double[][][] exact = enumerate(g, evidence);
                BeliefPropagation bp = new BeliefPropagation(g, evidence);
                for (int level = 0; level <= depth; level++) {
                    for (int i = 0; i < exact[level].length; i++) {
                        for (int a = 0; a < v; a++) {
                            assertEquals(exact[level][i][a], bp.marginal(level, i, a), 1e-12,
                                    "level " + level + " node " + i + " symbol " + a + " eps " + eps + " mask " + mask);
                        }
                    }
                }
            }
        }
    }

    @Test
    void beliefPropagationMarginalsAreThoseOfEnumeration() {
        for (long seed = 1; seed <= 5; seed++) {
            assertMarginalsMatch(3, 2, 2, 3, seed);   // 3·2^7 derivations
            assertMarginalsMatch(4, 3, 3, 2, seed);   // 4·3^4
            assertMarginalsMatch(2, 2, 1, 4, seed);   // m = 1: the tree is a function of the class
        }
    }

    @Test
    void productionsAreDistinctTuples() {
        Grammar g = Grammar.draw(4, 3, 16, 3, Seeds.generator(9));  // m·v = v^s: every tuple used once
        for (int level = 0; level < 3; level++) {
            boolean[] seen = new boolean[64];
            for (int a = 0; a < 4; a++) {
                for (int j = 0; j < 16; j++) {
                    int tuple = 0;
                    for (int p = 0; p < 3; p++) {
                        tuple = tuple * 4 + g.child(level, a, j, p);
                    }
                    assertEquals(false, seen[tuple], "tuple used twice");
                    seen[tuple] = true;
                }
            }
        }
    }

    @Test
    void withoutNoiseTheClassAndEveryLeafAreKept() {
        for (String noise : new String[] {"mask", "uniform"}) {
            for (int r = 0; r < 10; r++) {
                Measurement out = model.run(task(0.0, noise, 5),
                        new RandomStreams(Seeds.generator(r), Seeds.generator(50 + r)), Deadline.none());
                assertEquals(1.0, out.values().get("class_same"), 1e-12);
                assertEquals(1.0, out.values().get("leaves_same"), 1e-12);
            }
        }
    }

    @Test
    void underFullNoiseTheClassIsAtChance() {
        for (String noise : new String[] {"mask", "uniform"}) {
            for (int r = 0; r < 10; r++) {
                Measurement out = model.run(task(1.0, noise, 5),
                        new RandomStreams(Seeds.generator(r), Seeds.generator(50 + r)), Deadline.none());
                assertEquals(1.0 / 8, out.values().get("class_same"), 1e-12);
            }
        }
    }

    @Test
    void impossibleGrammarsAreRefused() {
        Task tooMany = new Task(new ParamValues(Map.of("eps", 0.1, "v", 4.0, "s", 2.0, "m", 5.0, "noise", "mask")), 3,
                new Budget(Map.of()));
        assertNotNull(model.refuses(tooMany));
        assertNull(model.refuses(task(0.1, "mask", 6)));
    }
}
