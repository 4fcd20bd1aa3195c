/**
 * The Ising ferromagnet H = −J Σ_⟨ij⟩ s_i s_j − h Σ_i s_i on periodic hypercubic lattices in one to
 * three dimensions, simulated with Wolff cluster flips or Metropolis sweeps.
 */
package io.phasesweep.engine.models.ising;
