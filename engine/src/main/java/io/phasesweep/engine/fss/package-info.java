/**
 * Finite-size scaling: crossings, data collapse, size-scaling fits, phase boundaries, and the one
 * number to quote for each quantity.
 *
 * <p>Entry point: {@link io.phasesweep.engine.fss.SweepAnalysis#analyze}, from the points of a sweep
 * (each with its values on every bootstrap resample, {@link io.phasesweep.engine.fss.ResampledPoint})
 * to the {@code points}, {@code boundaries} and {@code exponents} rows
 * ({@link io.phasesweep.engine.fss.PointRow}, {@link io.phasesweep.engine.fss.BoundaryRow},
 * {@link io.phasesweep.engine.fss.ExponentRow}, each of the last two one
 * {@link io.phasesweep.engine.fss.Finding}).
 *
 * <p>Error bars: every estimate is recomputed on B Poisson bootstrap resamples over replicas, and on
 * variants of the data ({@link io.phasesweep.engine.fss.Variants}: without the smallest sizes, with a
 * correction to scaling, a collapse's inner window). {@code stderr_stat} is the bootstrap spread,
 * {@code stderr_sys} the variants' disagreement beyond their statistics. Checks that fail are
 * {@link io.phasesweep.engine.fss.Flag}s; a flagged estimate never enters the
 * {@link io.phasesweep.engine.fss.Best} row of its quantity.
 *
 * <p>Methods ({@link io.phasesweep.engine.fss.Method}, one class each): the crossing of a
 * dimensionless observable ({@link io.phasesweep.engine.fss.CrossingAnalysis}), the data collapse
 * ({@link io.phasesweep.engine.fss.CollapseMethod}), the power laws of a peak, of an observable or its
 * slope at x_c ({@link io.phasesweep.engine.fss.PeakMethod},
 * {@link io.phasesweep.engine.fss.AtCriticalMethod}, fitted by {@link io.phasesweep.engine.fss.PowerLaw}),
 * and the location of a peak or level crossing against size ({@link io.phasesweep.engine.fss.LocationMethod}).
 * A new method is one class implementing {@code Method} and one constant in
 * {@link io.phasesweep.engine.sweep.AnalysisMethod}; nothing in the jobs module changes.
 * How well the error bars cover the truth is measured by CalibrationTest on the synthetic model.
 */
package io.phasesweep.engine.fss;
