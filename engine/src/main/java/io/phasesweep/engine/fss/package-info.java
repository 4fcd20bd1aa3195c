/** Finite-size scaling: crossings, data collapse, size-scaling fits, phase boundaries. */
package io.phasesweep.engine.fss;
