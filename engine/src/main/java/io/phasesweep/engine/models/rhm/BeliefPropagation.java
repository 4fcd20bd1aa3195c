package io.phasesweep.engine.models.rhm;

/**
 * Exact belief propagation on the tree of the Random Hierarchy Model: the posterior marginal of
 * every symbol given the evidence at the leaves (a likelihood per leaf and symbol). The upward pass
 * gives each node's likelihood of the evidence below it, u(a) ∝ Σ_j Π_p u_p(child(a, j, p)) (the m
 * productions are equally likely); the downward pass the probability of the rest, and the marginal
 * is their normalised product. Exact because the factor graph is a tree; every message is
 * normalised per node, which changes no marginal.
 */
final class BeliefPropagation {
    private final Grammar grammar;
    /** up[ℓ][i·v + a]; up[L] is the leaf evidence. */
    private final double[][] up;
    /** down[ℓ][i·v + a]: the probability of a at node i given the evidence outside its subtree. */
    private final double[][] down;

    /** @param evidence leaves·v likelihoods, leaf i's symbol a at [i·v + a]; read, not kept */
    BeliefPropagation(Grammar grammar, double[] evidence) {
        this.grammar = grammar;
        int depth = grammar.depth();
        int v = grammar.symbols();
        int s = grammar.branching();
        up = new double[depth + 1][];
        down = new double[depth + 1][];
        int nodes = 1;
        for (int level = 0; level <= depth; level++) {
            up[level] = new double[nodes * v];
            down[level] = new double[nodes * v];
            nodes *= s;
        }
        System.arraycopy(evidence, 0, up[depth], 0, evidence.length);
        for (int level = depth - 1; level >= 0; level--) {
            upward(level);
        }
        for (int a = 0; a < v; a++) {
            down[0][a] = 1.0 / v;
        }
        for (int level = 0; level < depth; level++) {
            downward(level);
        }
    }

    private void upward(int level) {
        int v = grammar.symbols();
        int s = grammar.branching();
        int m = grammar.synonyms();
        double[] below = up[level + 1];
        double[] here = up[level];
        int nodes = here.length / v;
        for (int i = 0; i < nodes; i++) {
            double total = 0;
            for (int a = 0; a < v; a++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    double product = 1;
                    for (int p = 0; p < s; p++) {
                        product *= below[(i * s + p) * v + grammar.child(level, a, j, p)];
                    }
                    sum += product;
                }
                here[i * v + a] = sum;
                total += sum;
            }
            normalise(here, i * v, v, total);
        }
    }

    private void downward(int level) {
        int v = grammar.symbols();
        int s = grammar.branching();
        int m = grammar.synonyms();
        double[] children = up[level + 1];
        double[] parents = down[level];
        double[] out = down[level + 1];
        int nodes = parents.length / v;
        for (int i = 0; i < nodes; i++) {
            for (int a = 0; a < v; a++) {
                double weight = parents[i * v + a];
                if (weight == 0) {
                    continue;
                }
                for (int j = 0; j < m; j++) {
                    for (int p = 0; p < s; p++) {
                        double others = weight;
                        for (int q = 0; q < s; q++) {
                            if (q != p) {
                                others *= children[(i * s + q) * v + grammar.child(level, a, j, q)];
                            }
                        }
                        out[(i * s + p) * v + grammar.child(level, a, j, p)] += others;
                    }
                }
            }
            for (int p = 0; p < s; p++) {
                int at = (i * s + p) * v;
                double total = 0;
                for (int b = 0; b < v; b++) {
                    total += out[at + b];
                }
                normalise(out, at, v, total);
            }
        }
    }

    private static void normalise(double[] x, int from, int count, double total) {
        if (total <= 0) {
            throw new IllegalStateException("evidence impossible under the grammar");
        }
        for (int k = from; k < from + count; k++) {
            x[k] /= total;
        }
    }

    /** The posterior probability that node {@code node} of {@code level} holds symbol {@code a}. */
    double marginal(int level, int node, int a) {
        int v = grammar.symbols();
        double total = 0;
        for (int b = 0; b < v; b++) {
            total += up[level][node * v + b] * down[level][node * v + b];
        }
        return up[level][node * v + a] * down[level][node * v + a] / total;
    }
}
