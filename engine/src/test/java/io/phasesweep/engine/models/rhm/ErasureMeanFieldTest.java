package io.phasesweep.engine.models.rhm;

import io.phasesweep.engine.sweep.Seeds;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The erasure mean-field recursion for masked leaves (derived for docs/models/rhm.md): a node is
 * "known" when the leaves below it determine it, else treated as knowing nothing. A leaf is known
 * with probability 1 − ε; a parent with k known children is known when no production of another
 * symbol agrees with its own on those k positions. The other symbols' (v − 1)m productions are a uniform
 * draw without replacement (as in Grammar) from the v^s − 1 tuples other than the parent's, of which
 * v^(s−k) − 1 agree, so P_k = Π_(i = 0…(v−1)m − 1) (v^s − v^(s−k) − i)/(v^s − 1 − i), P_s = 1, P_0 = 0.
 * So p_ℓ = Σ_k C(s, k) p_(ℓ+1)^k (1 − p_(ℓ+1))^(s−k) P_k, and
 * for L → ∞ the root is known with a probability bounded away from 0 when 1 − ε lies above the
 * recursion's unstable fixed point p*: ε* = 1 − p*.
 */
class ErasureMeanFieldTest {

    static double determined(int k, int v, int s, int m) {
        if (k == s) {
            return 1;
        }
        if (k == 0) {
            return 0;
        }
        double tuples = Math.pow(v, s);
        double agreeing = Math.pow(v, s - k);
        double none = 1;
        for (int i = 0; i < (v - 1) * m; i++) {
            none *= (tuples - agreeing - i) / (tuples - 1 - i);
        }
        return none;
    }

    static double step(double p, int v, int s, int m) {
        double sum = 0;
        double binomial = 1;
        for (int k = 0; k <= s; k++) {
            sum += binomial * Math.pow(p, k) * Math.pow(1 - p, s - k) * determined(k, v, s, m);
            binomial = binomial * (s - k) / (k + 1);
        }
        return sum;
    }

    /**
     * ε* = 1 − p*, p* the unstable fixed point strictly between 0 and 1: below the stable point near 1
     * F(p) > p, below p* F(p) < p; scan down for both, then bisect.
     */
    static double threshold(int v, int s, int m) {
        double above = 1;
        for (double p = 0.999; p > 0 && above == 1; p -= 0.001) {
            if (step(p, v, s, m) > p) {
                above = p;
            }
        }
        double below = 0;
        for (double p = above; p > 0 && below == 0; p -= 0.001) {
            if (step(p, v, s, m) < p) {
                below = p;
            }
        }
        for (int i = 0; i < 60; i++) {
            double mid = 0.5 * (below + above);
            if (step(mid, v, s, m) < mid) {
                below = mid;
            } else {
                above = mid;
            }
        }
        return 1 - 0.5 * (below + above);
    }

    /** P_k against random grammars: a random production, k random positions, any other symbol agreeing there. */
    @Test
    void theChanceThatKnownChildrenDetermineTheParentIsPk() {
        int v = 8;
        int s = 3;
        int m = 3;
        RandomGenerator rng = Seeds.generator(17);
        for (int k = 1; k < s; k++) {
            int trials = 20000;
            int known = 0;
            for (int t = 0; t < trials; t++) {
                Grammar g = Grammar.draw(v, s, m, 1, rng);
                int a = rng.nextInt(v);
                int j = rng.nextInt(m);
                boolean[] fixed = new boolean[s];
                for (int chosen = 0; chosen < k; ) {
                    int p = rng.nextInt(s);
                    if (!fixed[p]) {
                        fixed[p] = true;
                        chosen++;
                    }
                }
                known += agreesWithOtherSymbol(g, a, j, fixed) ? 0 : 1;
            }
            double pk = determined(k, v, s, m);
            // P_k is exact, so the only difference is the binomial sampling error of the trials
            double se = Math.sqrt(pk * (1 - pk) / trials);
            assertEquals(pk, (double) known / trials, 4 * se, "k = " + k);
        }
    }

    private static boolean agreesWithOtherSymbol(Grammar g, int a, int j, boolean[] fixed) {
        for (int b = 0; b < g.symbols(); b++) {
            if (b == a) {
                continue;
            }
            for (int jb = 0; jb < g.synonyms(); jb++) {
                boolean agrees = true;
                for (int p = 0; p < g.branching() && agrees; p++) {
                    agrees = !fixed[p] || g.child(0, b, jb, p) == g.child(0, a, j, p);
                }
                if (agrees) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The threshold of the sweep file's v = 8, s = 3, m = 3, and the flow on either side of it. */
    @Test
    void theRecursionHasItsThresholdAtEpsStar() {
        double star = threshold(8, 3, 3);
        assertEquals(0.0595, determined(1, 8, 3, 3), 1e-4);
        assertEquals(0.7441, determined(2, 8, 3, 3), 1e-4);
        assertEquals(0.2205, star, 1e-4);
        double below = 1 - (star - 0.02);
        double above = 1 - (star + 0.02);
        for (int level = 0; level < 200; level++) {
            below = step(below, 8, 3, 3);
            above = step(above, 8, 3, 3);
        }
        assertTrue(below > 0.5, "below eps*: " + below);
        assertTrue(above < 1e-6, "above eps*: " + above);
    }
}
