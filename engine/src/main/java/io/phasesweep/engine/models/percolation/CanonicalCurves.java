package io.phasesweep.engine.models.percolation;

/**
 * What one occupation order gives at every number n = 0..N of occupied sites.
 *
 * @param firstSpan smallest n at which a cluster joins the first and last layer along axis 0
 *                  (open boundaries); N + 1 if never
 * @param firstWrap smallest n at which a cluster wraps around the periodic lattice along any axis;
 *                  N + 1 if never
 * @param largest   at [n]: size of the largest cluster (periodic lattice) divided by N
 * @param meanSize  at [n]: Σ s² / Σ s over the clusters other than the largest (periodic lattice),
 *                  0 when there are none
 * @param chi       at [n]: Σ s² / N over the clusters other than the largest (periodic lattice): the
 *                  susceptibility, whose peak grows as L^(γ/ν)
 */
record CanonicalCurves(int sites, int firstSpan, int firstWrap, double[] largest, double[] meanSize, double[] chi) {
}
