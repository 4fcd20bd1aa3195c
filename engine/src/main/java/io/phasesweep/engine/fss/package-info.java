/**
 * Finite-size scaling: crossings, data collapse, size-scaling fits, phase boundaries.
 *
 * <p>Entry point: {@link io.phasesweep.engine.fss.SweepAnalysis#analyze}, from successful raw rows
 * ({@link io.phasesweep.engine.stats.Sample}) and failure counts to the {@code points},
 * {@code boundaries} and {@code exponents} rows ({@link io.phasesweep.engine.fss.PointRow},
 * {@link io.phasesweep.engine.fss.BoundaryRow}, {@link io.phasesweep.engine.fss.ExponentRow}).
 *
 * <p>Error bars: point values carry jackknife errors over replicas; every fitted quantity (critical
 * value, exponent) is recomputed on B bootstrap resamples over replicas (replicas drawn once per
 * size and shared along the control axis, derived observables re-evaluated), and its error is the
 * spread of those. Every row carries a quality: χ²/dof of its fit, the collapse S (≈ 1 when
 * consistent), or a note saying what limits it.
 *
 * <p>Methods, in {@code method:observable} form in the tables:
 * <ul>
 *   <li>{@code crossing} — pair crossings of consecutive sizes, averaged or extrapolated in size
 *       ({@link io.phasesweep.engine.fss.CrossingAnalysis});</li>
 *   <li>{@code collapse} — Houdayer–Hartmann data collapse ({@link io.phasesweep.engine.fss.Collapse});</li>
 *   <li>{@code peak}, {@code at-critical}, {@code slope} — power laws against size
 *       ({@link io.phasesweep.engine.fss.SizeScaling}), each repeated without the smallest size
 *       ({@code /drop-smallest});</li>
 *   <li>{@code location} — where an observable peaks or crosses a level, against size.</li>
 * </ul>
 */
package io.phasesweep.engine.fss;
