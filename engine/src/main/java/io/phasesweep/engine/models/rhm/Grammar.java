package io.phasesweep.engine.models.rhm;

import java.util.random.RandomGenerator;

/**
 * The random production rules of the Random Hierarchy Model: at each of the L levels, each of the v
 * symbols has m productions, s-tuples of symbols of the level below, and no tuple is the production
 * of two symbols (or twice of one), so a full tuple determines its parent. Level 0 rewrites the root
 * (the class), level L − 1 produces the leaves.
 */
final class Grammar {
    private final int symbols;
    private final int branching;
    private final int synonyms;
    /** children[level][((a·m) + j)·s + p]: child p of production j of symbol a at that level. */
    private final int[][] children;

    private Grammar(int symbols, int branching, int synonyms, int[][] children) {
        this.symbols = symbols;
        this.branching = branching;
        this.synonyms = synonyms;
        this.children = children;
    }

    /** Draws v·m distinct s-tuples per level, uniformly among the v^s, by a partial Fisher–Yates shuffle. */
    static Grammar draw(int symbols, int branching, int synonyms, int depth, RandomGenerator rng) {
        int tuples = tupleCount(symbols, branching);
        int used = symbols * synonyms;
        int[][] children = new int[depth][used * branching];
        int[] pool = new int[tuples];
        for (int level = 0; level < depth; level++) {
            for (int i = 0; i < tuples; i++) {
                pool[i] = i;
            }
            for (int r = 0; r < used; r++) {
                int pick = r + rng.nextInt(tuples - r);
                int tuple = pool[pick];
                pool[pick] = pool[r];
                pool[r] = tuple;
                for (int p = branching - 1; p >= 0; p--) {
                    children[level][r * branching + p] = tuple % symbols;
                    tuple /= symbols;
                }
            }
        }
        return new Grammar(symbols, branching, synonyms, children);
    }

    /** v^s, or −1 when it exceeds 2^24 (too many tuples to shuffle). */
    static int tupleCount(int symbols, int branching) {
        long n = 1;
        for (int p = 0; p < branching; p++) {
            n *= symbols;
            if (n > (1 << 24)) {
                return -1;
            }
        }
        return (int) n;
    }

    int symbols() {
        return symbols;
    }

    int branching() {
        return branching;
    }

    int synonyms() {
        return synonyms;
    }

    int depth() {
        return children.length;
    }

    /** Child p of production j of symbol a at {@code level}. */
    int child(int level, int a, int j, int p) {
        return children[level][(a * synonyms + j) * branching + p];
    }

    /**
     * A datum: the root uniform, every symbol rewritten by one of its productions chosen uniformly.
     * Returns the symbols level by level, level ℓ holding s^ℓ of them.
     */
    int[][] sample(RandomGenerator rng) {
        int depth = depth();
        int[][] levels = new int[depth + 1][];
        levels[0] = new int[] {rng.nextInt(symbols)};
        for (int level = 0; level < depth; level++) {
            int[] above = levels[level];
            int[] below = new int[above.length * branching];
            for (int i = 0; i < above.length; i++) {
                int j = rng.nextInt(synonyms);
                for (int p = 0; p < branching; p++) {
                    below[i * branching + p] = child(level, above[i], j, p);
                }
            }
            levels[level + 1] = below;
        }
        return levels;
    }
}
