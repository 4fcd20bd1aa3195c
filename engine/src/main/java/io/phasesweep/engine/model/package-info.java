/**
 * The Model SPI, the bottom layer of the engine: what a model is ({@link io.phasesweep.engine.model.Model},
 * {@link io.phasesweep.engine.model.AxisModel}), what it is given (a
 * {@link io.phasesweep.engine.model.Task}, two random streams, a deadline) and what it returns
 * ({@link io.phasesweep.engine.model.Measurement}), its registry (ServiceLoader), and the one Monte
 * Carlo loop models build on ({@link io.phasesweep.engine.model.MonteCarlo}). Nothing here imports
 * another engine package.
 */
package io.phasesweep.engine.model;
