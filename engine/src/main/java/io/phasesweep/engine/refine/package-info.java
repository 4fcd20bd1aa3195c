/**
 * Adaptive refinement ({@code refine} section of a sweep file): after each round's analysis, how
 * precise each target is ({@link Precision}), whether to stop ({@link Stop}), and which points the
 * next round adds ({@link Planner}): control values in the scaling window of every size under the
 * current best estimates, new replicas at the points the estimates read ({@link ReadPoints}) where
 * they reduce the variance of the estimate most per core-second under the measured cost of a
 * point ({@link io.phasesweep.engine.run.MeasuredCost}). Plain Java, no Spark: the jobs module
 * runs the rounds.
 */
package io.phasesweep.engine.refine;
