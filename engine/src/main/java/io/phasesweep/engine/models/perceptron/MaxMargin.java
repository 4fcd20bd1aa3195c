package io.phasesweep.engine.models.perceptron;

/**
 * The outcome of {@link MaxMarginSolver#solve}: the distance κ* from the origin to the convex hull
 * of the pattern vectors a_μ, which is max over |w| ≤ 1 of min_μ a_μ·w.
 *
 * @param separable  true when a w with every a_μ·w &gt; 0 exists (then κ* is the maximal margin);
 *                   κ* below {@link MaxMarginSolver#ZERO_DISTANCE} counts as not separable
 * @param weights    for a separable problem a unit vector achieving {@code margin}; otherwise null
 * @param margin     κ*: min_μ a_μ·w of {@code weights} when separable, 0 otherwise
 * @param upperBound a proven upper bound on κ*: |Σ λ_μ a_μ| for a convex combination λ
 */
public record MaxMargin(boolean separable, double[] weights, double margin, double upperBound) {
}
