package io.phasesweep.engine.model;

import java.util.random.RandomGenerator;

/** Uniform random permutations (Fisher–Yates), in place and without allocation, for update orders. */
public final class Shuffle {
    private Shuffle() {
    }

    public static void inPlace(int[] a, RandomGenerator rng) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
