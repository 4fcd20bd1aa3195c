/** Sweep files: parsing and validation into an immutable {@link io.phasesweep.engine.sweep.SweepSpec}, expansion into points, seeds. */
package io.phasesweep.engine.sweep;
